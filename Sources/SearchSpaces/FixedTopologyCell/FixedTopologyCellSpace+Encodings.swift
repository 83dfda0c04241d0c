/// Encodings and graphs of fixed-topology cells.
extension FixedTopologyCellSpace {
  public var encodings: [EncodingKind] { [.oneHot, .path] }

  /// The encodings:
  /// - `.oneHot`: `6 x operationCount` values, edge-major (NAS-Bench-201: 30, as WeakNAS).
  /// - `.path`: one indicator per sequence of non-`none` operations along an input-to-output
  ///   route of the cell (White et al., BANANAS, AAAI 2021). The cell has four routes
  ///   (0->3; 0->1->3; 0->2->3; 0->1->2->3), so sequences have length 1, 2 or 3 over the
  ///   `m = operationCount - 1` non-`none` operations (`skip` included): `m + m^2 + m^3`
  ///   values (NAS-Bench-201: 84; TransNAS micro: 39). A route through a `none` edge does
  ///   not exist. As in BANANAS, a feature names the operation sequence, not the route, so
  ///   0->1->3 and 0->2->3 with the same two operations set the same feature. Index of a
  ///   sequence of length L with digits d_i = label - 1: `sum_{1<=l<L} m^l + sum_i d_i m^(L-1-i)`.
  ///
  /// - Complexity: O(1).
  public func encode(_ architecture: Architecture, as kind: EncodingKind) -> [Float] {
    precondition(index(of: architecture) != nil, "encode: \(architecture) is not a cell of \(name)")
    let labels = architecture.operations
    let count = cells.operationCount
    switch kind {
    case .oneHot:
      var features = [Float](repeating: 0, count: 6 * count)
      for (edge, label) in labels.enumerated() { features[edge * count + Int(label)] = 1 }
      return features
    case .path:
      let m = count - 1
      var features = [Float](repeating: 0, count: m + m * m + m * m * m)
      let routes: [[Int]] = [[3], [0, 4], [1, 5], [0, 2, 5]]
      for route in routes where route.allSatisfy({ labels[$0] != 0 }) {
        var offset = 0
        var power = m
        for _ in 1..<route.count {
          offset += power
          power *= m
        }
        let position = route.reduce(0) { $0 * m + Int(labels[$1]) - 1 }
        features[offset + position] = 1
      }
      return features
    }
  }

  /// The graph forms: BRP-NAS and arch2vec.
  public var graphForms: [GraphForm] { [.brpNAS, .arch2vec] }

  /// The cell in graph form `form` (see `brpNASGraph(of:)` and `arch2vecGraph(of:)`).
  ///
  /// - Precondition: `architecture` is a cell of the space.
  /// - Complexity: O(1) (at most 8 nodes).
  public func graph(of architecture: Architecture, as form: GraphForm) -> CellGraph {
    precondition(index(of: architecture) != nil, "graph: \(architecture) is not a cell of \(name)")
    switch form {
    case .brpNAS: return brpNASGraph(of: architecture)
    case .arch2vec: return arch2vecGraph(of: architecture)
    }
  }

  /// The cell with operations on nodes, as BRP-NAS builds it (Dudziak et al., NeurIPS 2020).
  ///
  /// Nodes: the input, one node per edge whose operation is a real operation (label >= 2),
  /// the output, in that order (edge order in between). `none` edges are dropped and `skip`
  /// edges contracted (their sources connect straight to their targets). Node `i` feeds node
  /// `j` when the output of `i` reaches `j` directly or through skips. Only nodes on an
  /// input-to-output path are kept (a cell whose output is unreachable is the two nodes input
  /// and output with no edge). Node labels: 0 input, `label - 1` for operation `label >= 2`,
  /// `operationCount - 1` output; `vocabularySize = operationCount` (NAS-Bench-201: input,
  /// conv 1x1, conv 3x3, avg pool 3x3, output).
  ///
  /// - Complexity: O(1) (at most 8 nodes).
  func brpNASGraph(of architecture: Architecture) -> CellGraph {
    let labels = architecture.operations
    // Node numbering while building: 0 input, 1 + edge for edge nodes, 7 output.
    // sources[n] = graph nodes whose output arrives at cell node n.
    var sources: [Set<Int>] = [[0], [], [], []]
    var incoming = [Set<Int>](repeating: [], count: 8)
    for (edge, link) in FixedCellIndex.edges.enumerated() {
      switch labels[edge] {
      case 0: continue
      case 1: sources[link.to].formUnion(sources[link.from])
      default:
        incoming[1 + edge] = sources[link.from]
        sources[link.to].insert(1 + edge)
      }
    }
    incoming[7] = sources[3]
    var reachesOutput = [Bool](repeating: false, count: 8)
    reachesOutput[7] = true
    for node in stride(from: 7, through: 0, by: -1) where reachesOutput[node] {
      for source in incoming[node] { reachesOutput[source] = true }
    }
    var reachable = [Bool](repeating: false, count: 8)
    reachable[0] = true
    for node in 1..<8 where incoming[node].contains(where: { reachable[$0] }) { reachable[node] = true }
    var kept = (0..<8).filter { reachable[$0] && reachesOutput[$0] }
    if !kept.contains(7) { kept = [0, 7] }
    let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    var adjacency = [Float](repeating: 0, count: kept.count * kept.count)
    for target in kept {
      for source in incoming[target] {
        if let from = position[source], let to = position[target] { adjacency[from * kept.count + to] = 1 }
      }
    }
    let outputLabel = cells.operationCount - 1
    let nodeLabels = kept.map { node in node == 0 ? 0 : node == 7 ? outputLabel : Int(labels[node - 1]) - 1 }
    return CellGraph(nodeCount: kept.count, adjacency: adjacency, nodeOperations: nodeLabels, vocabularySize: cells.operationCount)
  }
}
