/// Encodings and graphs of NAS-Bench-101 cells; all are computed on the pruned cell.
extension NASBench101Space {
  public var encodings: [EncodingKind] { [.oneHot, .path] }

  /// The encodings:
  /// - `.oneHot`: the 45-value sequence encoding of WeakNAS (Wu et al., NeurIPS 2021): for
  ///   each column j = 1..6 of the 7x7 adjacency, the entries (0, j)...(j-1, j), then a one-hot
  ///   of vertex j's label over (conv3x3, conv1x1, maxpool, output). A pruned cell of V < 7
  ///   vertices fills the top-left V x V block (its output is vertex V-1); columns V..6 are
  ///   zero.
  /// - `.path`: the path encoding of BANANAS (White et al., AAAI 2021): one indicator per
  ///   sequence of interior labels along an input-to-output path, lengths 0...5 over the
  ///   3 operations: 1 + 3 + ... + 3^5 = 364 values. A sequence of length L with digits
  ///   d_i = label - 1 sits at `(3^L - 1) / 2 + sum_i d_i 3^(L-1-i)`.
  ///
  /// - Precondition: `architecture` is a valid cell (`index(of:)` would not be `nil`).
  /// - Complexity: O(1) for one-hot; O(number of paths) <= O(2^5) for path.
  public func encode(_ architecture: Architecture, as kind: EncodingKind) -> [Float] {
    guard let cell = NASBench101Cell(architecture)?.pruned() else {
      preconditionFailure("encode: \(architecture) is not a valid NAS-Bench-101 cell")
    }
    switch kind {
    case .oneHot:
      var features: [Float] = []
      features.reserveCapacity(45)
      for j in 1..<7 {
        for i in 0..<j { features.append(j < cell.vertexCount && cell.hasEdge(i, j) ? 1 : 0) }
        for label in UInt8(1)...4 { features.append(j < cell.vertexCount && cell.labels[j] == label ? 1 : 0) }
      }
      return features
    case .path:
      var features = [Float](repeating: 0, count: 364)
      var stack: [(vertex: Int, length: Int, value: Int)] = [(0, 0, 0)]
      let output = cell.vertexCount - 1
      while let (vertex, length, value) = stack.popLast() {
        for next in (vertex + 1)...output where cell.hasEdge(vertex, next) {
          if next == output {
            var offset = 0
            var power = 1
            for _ in 0..<length {
              offset += power
              power *= 3
            }
            features[offset + value] = 1
          } else {
            stack.append((next, length + 1, value * 3 + Int(cell.labels[next]) - 1))
          }
        }
      }
      return features
    }
  }

  /// The graph forms: BRP-NAS (the pruned cell) and arch2vec (7 nodes, padded).
  public var graphForms: [GraphForm] { [.brpNAS, .arch2vec] }

  /// The pruned cell in graph form `form`; node labels 0 input, 1 conv3x3, 2 conv1x1,
  /// 3 maxpool, 4 output (`vocabularySize` 5).
  ///
  /// - `.brpNAS`: the V nodes of the pruned cell (input first, output last), its edges.
  /// - `.arch2vec`: always 7 nodes, as arch2vec pads NAS-Bench-101 cells (Yan et al., NeurIPS
  ///   2020): the first V - 1 nodes of the pruned cell, then 7 - V padding nodes (label
  ///   `CellGraph.paddingLabel`, no edges), then the output at node 6.
  ///
  /// - Precondition: `architecture` is a valid cell.
  /// - Complexity: O(V^2).
  public func graph(of architecture: Architecture, as form: GraphForm) -> CellGraph {
    guard let cell = NASBench101Cell(architecture)?.pruned() else {
      preconditionFailure("graph: \(architecture) is not a valid NAS-Bench-101 cell")
    }
    let n = cell.vertexCount
    let nodeCount = form == .brpNAS ? n : NASBench101Cell.maxVertices
    // Vertex v of the pruned cell sits at node v, except the output, which is always last.
    let node = { (vertex: Int) in vertex == n - 1 ? nodeCount - 1 : vertex }
    var adjacency = [Float](repeating: 0, count: nodeCount * nodeCount)
    var labels = [Int](repeating: CellGraph.paddingLabel, count: nodeCount)
    for i in 0..<n {
      labels[node(i)] = Int(cell.labels[i])
      for j in 0..<n where cell.hasEdge(i, j) { adjacency[node(i) * nodeCount + node(j)] = 1 }
    }
    return CellGraph(nodeCount: nodeCount, adjacency: adjacency, nodeOperations: labels, vocabularySize: 5)
  }

  /// 7 vertex positions, then the 21 connection bits of `connectionPairs`. Vertex 0 has the
  /// single token `input`; vertices 1...6 have conv3x3, conv1x1, maxpool3x3, output, absent;
  /// each connection has 0 and 1. The pool's canonical form (`architecture(at:)`) always has
  /// tokens; a decoded row is any such combination, often invalid (two outputs, an edge to an
  /// absent vertex, an unreachable output): ask `status(of:)`.
  public var tokenLayout: TokenLayout {
    let vertexValues: [UInt8] = [1, 2, 3, 4, 5]
    let vertices =
      [TokenLayout.Position(name: "vertex 0", role: .operation, values: [0], valueNames: [Self.labels[0]])]
      + (1..<NASBench101Cell.maxVertices).map { vertex in
        TokenLayout.Position(name: "vertex \(vertex)", role: .operation, values: vertexValues, valueNames: vertexValues.map { Self.labels[Int($0)] })
      }
    let edges = NASBench101Cell.pairs.map { i, j in
      TokenLayout.Position(name: "edge \(i)->\(j)", role: .connection, values: [0, 1], valueNames: ["no", "yes"])
    }
    return TokenLayout(operationPositions: vertices, connectionPositions: edges)
  }
}
