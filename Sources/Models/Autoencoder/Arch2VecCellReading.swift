import NeuralNetworks
import SearchSpaces

/// Turns a space's arch2vec graphs into auto-encoder samples and decoded graphs back into
/// cells of the space, so that samples from the prior can be judged valid or not.
///
/// Two layouts can be read back:
/// - fixed topology (NAS-Bench-201, TransNAS micro, the test spaces: no connection tokens): a
///   decoded graph is a cell when its first and last nodes carry the input and output types
///   and every other node an operation type; the operation of each position is read from the
///   type of its node. The decoded edges are not judged: the topology is fixed, so the
///   operations alone name the cell (decoding z z^T of prior samples gives random edges, which
///   would make almost no sample valid). `edgesMatch(_:)` tells whether they agree anyway;
/// - one node per operation token and one connection token per pair i < j in row-major order
///   (NAS-Bench-101's 7 vertices and 21 connection bits): the node types are the vertex
///   labels and the decoded edges the connection bits; the space's `status(of:)` then decides.
///
/// Any other layout (NAS-Bench-Graph's macro cells) cannot be read back, and `init` returns
/// `nil` with `CellReadingError`.
public struct Arch2VecCellReading: Sendable {
  private enum Layout: Sendable {
    case fixed(input: Int, output: Int, operationOfType: [Int: UInt8], edges: [Bool], nodes: Int)
    case vertices(nodes: Int)
  }

  /// The space read.
  public let space: any SearchSpace
  private let layout: Layout

  /// A reader for `space`.
  ///
  /// - Throws: `CellReadingError` when the space has no arch2vec form or a layout this
  ///   reader cannot invert.
  public init(space: any SearchSpace) throws {
    guard space.graphForms.contains(.arch2vec) else { throw CellReadingError.noArch2VecForm(space: space.name) }
    self.space = space
    let tokens = space.tokenLayout
    let first = space.graph(of: space.architecture(at: 0), as: .arch2vec)
    let n = first.nodeCount
    if tokens.connectionPositions.isEmpty {
      let positions = tokens.operationPositions.count
      guard n == positions + 2 else { throw CellReadingError.unreadableLayout(space: space.name) }
      var operationOfType: [Int: UInt8] = [:]
      for value in tokens.operationPositions[0].values {
        let uniform = Architecture(operations: Array(repeating: value, count: positions))
        guard space.status(of: uniform).isValid else { continue }
        let graph = space.graph(of: uniform, as: .arch2vec)
        operationOfType[graph.nodeOperations[1]] = value
      }
      var edges = [Bool](repeating: false, count: n * n)
      for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) { edges[i * n + j] = first.adjacency[i * n + j] != 0 }
      }
      layout = .fixed(
        input: first.nodeOperations[0], output: first.nodeOperations[n - 1], operationOfType: operationOfType, edges: edges, nodes: n)
    } else {
      guard tokens.operationPositions.count == n, tokens.connectionPositions.count == n * (n - 1) / 2 else {
        throw CellReadingError.unreadableLayout(space: space.name)
      }
      layout = .vertices(nodes: n)
    }
  }

  /// The auto-encoder sample of pool architecture `index`: its arch2vec graph with padding
  /// nodes (`CellGraph.paddingLabel`) removed, so the batch pads them as zero rows after the
  /// output rather than before it (the source pads before the output).
  public func sample(at index: Int) -> GraphSample {
    Self.sample(of: space.graph(of: space.architecture(at: index), as: .arch2vec))
  }

  /// `graph` without its padding nodes and their (empty) rows and columns.
  public static func sample(of graph: CellGraph) -> GraphSample {
    let kept = graph.nodeOperations.indices.filter { graph.nodeOperations[$0] != CellGraph.paddingLabel }
    let m = kept.count
    var adjacency = [Float](repeating: 0, count: m * m)
    for (a, i) in kept.enumerated() {
      for (b, j) in kept.enumerated() { adjacency[a * m + b] = graph.adjacency[i * graph.nodeCount + j] }
    }
    return GraphSample(
      nodeCount: m, adjacency: adjacency, nodeOperations: kept.map { graph.nodeOperations[$0] }, vocabularySize: graph.vocabularySize)
  }

  /// The number of nodes of the space's arch2vec graphs (the node count to sample from the
  /// prior).
  public var nodeCount: Int {
    switch layout {
    case .fixed(_, _, _, _, let nodes), .vertices(let nodes): nodes
    }
  }

  /// Whether the edges i -> j (i < j) of `decoded` are exactly those of the space's fixed
  /// DAG; `true` for layouts without a fixed topology.
  public func edgesMatch(_ decoded: GraphSample) -> Bool {
    guard case .fixed(_, _, _, let edges, let n) = layout else { return true }
    guard decoded.nodeCount == n else { return false }
    for i in 0..<n {
      for j in (i + 1)..<max(n, i + 1) where (decoded.adjacency[i * n + j] != 0) != edges[i * n + j] { return false }
    }
    return true
  }

  /// The pool index of the cell `decoded` stands for, or `nil` when it is not a cell of the
  /// pool.
  public func poolIndex(of decoded: GraphSample) -> Int? {
    architecture(of: decoded).flatMap(space.index(of:))
  }

  /// The cell `decoded` spells, before the space judges it: `nil` when its nodes do not
  /// spell one (wrong node count; on a fixed topology, input or output misplaced or a node
  /// type that is no operation). The cell may still be invalid or outside the pool
  /// (`SearchSpace.status(of:)`).
  public func architecture(of decoded: GraphSample) -> Architecture? {
    switch layout {
    case .fixed(let input, let output, let operationOfType, _, let n):
      guard decoded.nodeCount == n, decoded.nodeOperations[0] == input, decoded.nodeOperations[n - 1] == output else { return nil }
      var operations: [UInt8] = []
      for node in 1..<(n - 1) {
        guard let operation = operationOfType[decoded.nodeOperations[node]] else { return nil }
        operations.append(operation)
      }
      return Architecture(operations: operations)
    case .vertices(let n):
      guard decoded.nodeCount == n, decoded.nodeOperations.allSatisfy({ $0 >= 0 }) else { return nil }
      var connections: [UInt8] = []
      for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) { connections.append(decoded.adjacency[i * n + j] != 0 ? 1 : 0) }
      }
      return Architecture(operations: decoded.nodeOperations.map { UInt8($0) }, connections: connections)
    }
  }
}

/// Why a space's arch2vec graphs cannot be used.
public enum CellReadingError: Error, Equatable, CustomStringConvertible {
  /// The space draws no arch2vec graph.
  case noArch2VecForm(space: String)
  /// Decoded graphs cannot be read back as cells of the space.
  case unreadableLayout(space: String)

  /// The message.
  public var description: String {
    switch self {
    case .noArch2VecForm(let space): "\(space) has no arch2vec graph form"
    case .unreadableLayout(let space):
      "\(space): graphs decoded by arch2vec's auto-encoder cannot be read back as its cells (its token layout is neither a fixed cell topology nor one node per vertex with a connection bit per pair), so the validity of prior samples is undefined"
    }
  }
}
