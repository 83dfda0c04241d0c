/// Token layout and the arch2vec graph of fixed-topology cells.
extension FixedTopologyCellSpace {
  /// Six positions, one per edge in `FixedCellIndex.edges` order, each over every operation
  /// label (`none` included); no connection tokens (the topology is fixed). The tokens are
  /// the operation labels themselves, so every row of tokens is a cell of the pool.
  public var tokenLayout: TokenLayout {
    let values = (0..<cells.operationCount).map(UInt8.init)
    let positions = FixedCellIndex.edges.map { edge in
      TokenLayout.Position(name: "edge \(edge.from)->\(edge.to)", role: .operation, values: values, valueNames: Self.labels)
    }
    return TokenLayout(operationPositions: positions, connectionPositions: [])
  }

  /// The cell as arch2vec draws it (Yan et al., NeurIPS 2020, "Does Unsupervised
  /// Architecture Representation Learning Help Neural Architecture Search?",
  /// https://arxiv.org/abs/2006.06936): 8 nodes, always the same DAG: node 0 the input, node
  /// 1 + e the operation of edge e (in `FixedCellIndex.edges` order), node 7 the output. The
  /// node of edge (a -> b) receives from the input when a = 0, else from the nodes of the
  /// edges that end in cell node a; the output receives from the nodes of the edges ending in
  /// cell node 3. Node types: 0 input, 1 + label for each operation (`none` kept, so a
  /// `none` edge is a node like any other), `operationCount + 1` output;
  /// `vocabularySize = operationCount + 2` (NAS-Bench-201: 7, TransNAS micro: 6). The type
  /// order is this project's; arch2vec's code orders them differently.
  ///
  /// - Complexity: O(1).
  func arch2vecGraph(of architecture: Architecture) -> CellGraph {
    let edges = FixedCellIndex.edges
    var adjacency = [Float](repeating: 0, count: 64)
    for (target, edge) in edges.enumerated() {
      if edge.from == 0 {
        adjacency[0 * 8 + 1 + target] = 1
      } else {
        for (source, earlier) in edges.enumerated() where earlier.to == edge.from { adjacency[(1 + source) * 8 + 1 + target] = 1 }
      }
    }
    for (source, edge) in edges.enumerated() where edge.to == 3 { adjacency[(1 + source) * 8 + 7] = 1 }
    let types = [0] + architecture.operations.map { Int($0) + 1 } + [cells.operationCount + 1]
    return CellGraph(nodeCount: 8, adjacency: adjacency, nodeOperations: types, vocabularySize: cells.operationCount + 2)
  }
}
