/// Encodings and graphs of NAS-Bench-Graph architectures.
extension NASBenchGraphSpace {
  /// Only one-hot: a path encoding over 9 operations and paths of up to 4 nodes would have
  /// 9 + 81 + 729 + 6,561 mostly-empty features and no published method uses one here.
  public var encodings: [EncodingKind] { [.oneHot] }

  /// `.oneHot`: a one-hot of the link pattern (9 values), then for each of the 4 nodes a
  /// one-hot over `allowedOperations` (9 + 4 x 9 = 45 values; `proteins` 9 + 4 x 5 = 29).
  ///
  /// - Precondition: `kind == .oneHot` and the architecture's labels are allowed.
  /// - Complexity: O(1).
  public func encode(_ architecture: Architecture, as kind: EncodingKind) -> [Float] {
    precondition(kind == .oneHot, "NAS-Bench-Graph provides only the one-hot encoding")
    guard let link = Self.links.firstIndex(of: architecture.connections) else {
      preconditionFailure("encode: \(architecture) has no NAS-Bench-Graph link pattern")
    }
    var features = [Float](repeating: 0, count: 9 + 4 * allowedOperations.count)
    features[link] = 1
    for (node, label) in architecture.operations.enumerated() {
      guard let position = allowedOperations.firstIndex(of: label) else {
        preconditionFailure("encode: label \(label) is not used by \(dataset)")
      }
      features[9 + node * allowedOperations.count + position] = 1
    }
    return features
  }

  /// The graph forms: BRP-NAS and arch2vec, which coincide here.
  public var graphForms: [GraphForm] { [.brpNAS, .arch2vec] }

  /// Six nodes: the graph input (label 0), the 4 computing nodes (label = operation + 1) and
  /// the output (label 10), `vocabularySize` 11. Node k+1 receives from its link input; the
  /// nodes whose result no other node uses feed the output, which combines them (as in the
  /// NAS-Bench-Graph macro space).
  ///
  /// Both graph forms are this one drawing: nothing is dropped (the space has no `none`;
  /// its `skip` is an operation of the macro space) and the node count is fixed, so the
  /// BRP-NAS and arch2vec readings agree.
  ///
  /// - Precondition: `architecture` is valid (`status(of:)` is not `invalid`).
  /// - Complexity: O(1).
  public func graph(of architecture: Architecture, as form: GraphForm) -> CellGraph {
    precondition(Self.hash(of: architecture) != nil, "graph: \(architecture) is not a NAS-Bench-Graph architecture")
    var adjacency = [Float](repeating: 0, count: 36)
    var used = [Bool](repeating: false, count: 5)
    for node in 0..<4 {
      let input = Int(architecture.connections[node])
      adjacency[input * 6 + node + 1] = 1
      used[input] = true
    }
    for node in 1...4 where !used[node] { adjacency[node * 6 + 5] = 1 }
    let labels = [0] + architecture.operations.map { Int($0) + 1 } + [10]
    return CellGraph(nodeCount: 6, adjacency: adjacency, nodeOperations: labels, vocabularySize: 11)
  }

  /// 4 operation positions over `allowedOperations` (9, or 5 for `proteins`), then 4
  /// connection positions: the input of node k (1...4) over 0..<k (the graph input or an
  /// earlier node). Of the 24 input combinations only the 9 link patterns are valid; the
  /// others decode to `invalid` architectures.
  public var tokenLayout: TokenLayout {
    let operations = (1...4).map { node in
      TokenLayout.Position(
        name: "node \(node) operation", role: .operation, values: allowedOperations,
        valueNames: allowedOperations.map { Self.labels[Int($0)] })
    }
    let inputs = (1...4).map { node in
      TokenLayout.Position(
        name: "node \(node) input", role: .connection, values: (0..<node).map(UInt8.init),
        valueNames: (0..<node).map { $0 == 0 ? "graph input" : "node \($0)" })
    }
    return TokenLayout(operationPositions: operations, connectionPositions: inputs)
  }
}
