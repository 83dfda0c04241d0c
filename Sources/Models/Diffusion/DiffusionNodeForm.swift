import NeuralNetworks
import SearchSpaces
import Tensor

/// How DiffusionNAG draws the cells of a space as the matrix it diffuses: one row per node,
/// entries `+1` where a feature is on and `-1` elsewhere (one-hot scaled to `{-1, 1}`, the
/// source's centred data). Two layouts:
///
/// - fixed topology (NAS-Bench-201, TransNAS micro; the source's form): the space's arch2vec
///   graph, 8 nodes x 7 types; the DAG is not diffused, it masks the attention;
/// - vertices (NAS-Bench-101; NASArena's extension, the source has no NAS-Bench-101 model):
///   7 vertices, each row its label among the 6 of `Architecture.operations` (absent included)
///   followed by its 7 outgoing edges (entry j of row i is the connection i -> j; entries with
///   j <= i are always -1); adjacency and labels are diffused together, attention is not
///   masked, and the space's `status(of:)` judges what is sampled.
///
/// A sample is read back by the source's rule: an entry is on when it is at least 0 (0.5
/// after the inverse scaling `(x + 1) / 2`); a node with not exactly one type on, or (fixed
/// topology) a type at the wrong place, makes the sample no cell.
public struct DiffusionNodeForm: Sendable {
  /// Which attention pattern the fixed DAG gives each node.
  public enum AttentionMask: String, Sendable, Codable, CaseIterable {
    /// Node i attends to node j when j is reachable from i (the transitive closure, Floyd's
    /// algorithm): what the source's configuration asks for (`aug_mask_algo: floyd`).
    case reachability
    /// Node i attends to its direct successors only: what the source's code does, since its
    /// mask function knows the spelling `floyed` and falls back to the adjacency for `floyd`.
    case adjacency
  }

  private enum Layout: Sendable {
    case fixed(reading: Arch2VecCellReading, adjacency: [Float])
    case vertices
  }

  /// Nodes per cell.
  public let nodeCount: Int
  /// Node types (the first columns of a row).
  public let typeCount: Int
  /// Values per node: the types, then (vertices layout) one outgoing edge per node.
  public let featureCount: Int
  /// `[nodeCount, nodeCount]`, 1 where attention is forbidden (`MultiHeadAttention`'s mask).
  /// A node with no allowed key (the output) attends uniformly to all, as in the source.
  public var attentionMask: Tensor { Tensor(shape: [nodeCount, nodeCount], scalars: forbidden) }
  private let forbidden: [Float]
  private let layout: Layout
  private let space: any SearchSpace

  /// The form of `space`; `mask` applies to fixed topologies.
  ///
  /// - Throws: `DiffusionFormError` when the space has neither layout.
  public init(space: any SearchSpace, mask: AttentionMask) throws {
    self.space = space
    let tokens = space.tokenLayout
    if tokens.connectionPositions.isEmpty {
      guard space.graphForms.contains(.arch2vec), let reading = try? Arch2VecCellReading(space: space) else {
        throw DiffusionFormError.noDiffusionForm(space: space.name)
      }
      let graph = space.graph(of: space.architecture(at: 0), as: .arch2vec)
      nodeCount = graph.nodeCount
      typeCount = graph.vocabularySize
      featureCount = typeCount
      layout = .fixed(reading: reading, adjacency: graph.adjacency)
      var allowed = graph.adjacency.map { $0 != 0 }
      if mask == .reachability {
        let n = graph.nodeCount
        for k in 0..<n {
          for i in 0..<n where allowed[i * n + k] {
            for j in 0..<n where allowed[k * n + j] { allowed[i * n + j] = true }
          }
        }
      }
      forbidden = allowed.map { $0 ? 0 : 1 }
    } else {
      let n = tokens.operationPositions.count
      guard n >= 2, tokens.connectionPositions.count == n * (n - 1) / 2 else { throw DiffusionFormError.noDiffusionForm(space: space.name) }
      let values = Set(tokens.operationPositions.flatMap(\.values))
      guard let largest = values.max() else { throw DiffusionFormError.noDiffusionForm(space: space.name) }
      nodeCount = n
      typeCount = Int(largest) + 1  // labels 0 ... the largest token value (NB101: its absent label 5 included)
      featureCount = typeCount + n
      layout = .vertices
      forbidden = [Float](repeating: 0, count: n * n)
    }
  }

  /// Entries per cell (`nodeCount * featureCount`).
  public var width: Int { nodeCount * featureCount }

  /// The `{-1, 1}` matrix of `architecture`, row-major `[nodeCount, featureCount]`.
  public func matrix(of architecture: Architecture) -> [Float] {
    var values = [Float](repeating: -1, count: width)
    switch layout {
    case .fixed:
      let graph = space.graph(of: architecture, as: .arch2vec)
      for (node, type) in graph.nodeOperations.enumerated() where type >= 0 { values[node * featureCount + type] = 1 }
    case .vertices:
      for (node, label) in architecture.operations.enumerated() where Int(label) < typeCount { values[node * featureCount + Int(label)] = 1 }
      var pair = 0
      for i in 0..<nodeCount {
        for j in (i + 1)..<max(nodeCount, i + 1) {
          if pair < architecture.connections.count, architecture.connections[pair] != 0 { values[i * featureCount + typeCount + j] = 1 }
          pair += 1
        }
      }
    }
    return values
  }

  /// The `{-1, 1}` matrices of pool architectures `indices`, one after another.
  public func matrices(ofPool indices: [Int]) -> [Float] {
    indices.flatMap { matrix(of: space.architecture(at: $0)) }
  }

  /// The cell one sample (`width` values) spells, or `nil` when it spells none.
  public func architecture(fromSample values: ArraySlice<Float>) -> Architecture? {
    precondition(values.count == width, "DiffusionNodeForm: \(values.count) values for a width of \(width)")
    let start = values.startIndex
    var types: [Int] = []
    for node in 0..<nodeCount {
      var on: Int?
      for type in 0..<typeCount where values[start + node * featureCount + type] >= 0 {
        if on != nil { return nil }
        on = type
      }
      guard let on else { return nil }
      types.append(on)
    }
    switch layout {
    case .fixed(let reading, let adjacency):
      return reading.architecture(of: GraphSample(nodeCount: nodeCount, adjacency: adjacency, nodeOperations: types, vocabularySize: typeCount))
    case .vertices:
      var connections: [UInt8] = []
      for i in 0..<nodeCount {
        for j in (i + 1)..<max(nodeCount, i + 1) { connections.append(values[start + i * featureCount + typeCount + j] >= 0 ? 1 : 0) }
      }
      return Architecture(operations: types.map { UInt8($0) }, connections: connections)
    }
  }
}

/// Why a space cannot be diffused in DiffusionNAG's node form.
public enum DiffusionFormError: Error, Equatable, CustomStringConvertible {
  /// The space has neither a fixed cell topology whose node types name its cells nor one
  /// label per vertex with a connection bit per vertex pair.
  case noDiffusionForm(space: String)

  /// The message.
  public var description: String {
    switch self {
    case .noDiffusionForm(let space):
      "\(space) has neither a fixed cell topology whose node types name its cells nor one label per vertex with a connection bit per pair, so DiffusionNAG's node matrix cannot be read back as its cells"
    }
  }
}
