import SearchSpaces
import Testing

@Suite struct GraphFormTests {
  /// The (source, target) pairs of a graph's adjacency.
  static func edges(_ graph: CellGraph) -> Set<[Int]> {
    var result = Set<[Int]>()
    for i in 0..<graph.nodeCount {
      for j in 0..<graph.nodeCount where graph.adjacency[i * graph.nodeCount + j] == 1 { result.insert([i, j]) }
    }
    return result
  }
}

// MARK: - Fixed-topology cells

extension GraphFormTests {
  /// arch2vec's NAS-Bench-201 DAG: edges 0->1, 0->2, 0->3 start at the input; edge 1->2 follows
  /// edge 0->1; edge 1->3 follows 0->1; edge 2->3 follows 0->2 and 1->2; the output gathers
  /// the three edges into node 3.
  static let arch2vecEdges: Set<[Int]> = [[0, 1], [0, 2], [0, 4], [1, 3], [1, 5], [2, 6], [3, 6], [4, 7], [5, 7], [6, 7]]

  @Test func arch2vecFormIsOneFixedEightNodeDAGWithNoneKept() {
    let space = SyntheticSpaces.nasBench201
    for index in [0, 1, 777, 15_624] {
      let architecture = space.architecture(at: index)
      let graph = space.graph(of: architecture, as: .arch2vec)
      #expect(graph.nodeCount == 8 && graph.vocabularySize == 7)
      #expect(Self.edges(graph) == Self.arch2vecEdges)
      #expect(graph.nodeOperations == [0] + architecture.operations.map { Int($0) + 1 } + [6])
    }
    let allNone = Architecture(operations: [0, 0, 0, 0, 0, 0])
    #expect(space.graph(of: allNone, as: .arch2vec).nodeOperations == [0, 1, 1, 1, 1, 1, 1, 6])
    // The BRP-NAS form drops the `none` edges: only input and output remain.
    let contracted = space.graph(of: allNone)
    #expect(contracted.nodeCount == 2 && Self.edges(contracted).isEmpty)
    #expect(SyntheticSpaces.transNAS.graph(of: allNone, as: .arch2vec).vocabularySize == 6)
  }

  @Test func brpNASFormContractsSkipsAndKeepsOnlyComputingNodes() {
    // 0->1 conv3x3, 0->2 none, 1->2 skip, 0->3 none, 1->3 none, 2->3 conv1x1: input -> conv3x3
    // -> (skip) -> conv1x1 -> output.
    let cell = Architecture(operations: [3, 0, 1, 0, 0, 2])
    let graph = SyntheticSpaces.nasBench201.graph(of: cell, as: .brpNAS)
    #expect(graph.nodeCount == 4 && graph.nodeOperations == [0, 2, 1, 4])
    #expect(Self.edges(graph) == [[0, 1], [1, 2], [2, 3]])
  }
}

// MARK: - NAS-Bench-101 and NAS-Bench-Graph

extension GraphFormTests {
  @Test func nasBench101Arch2vecFormPadsBeforeTheOutput() {
    // input -> conv3x3 -> maxpool -> output, plus input -> output.
    let cell = SyntheticSpaces.cell([0, 1, 3, 4], edges: [(0, 1), (1, 2), (2, 3), (0, 3)])
    let space = SyntheticSpaces.emptyNASBench101
    let padded = space.graph(of: cell, as: .arch2vec)
    #expect(padded.nodeCount == 7 && padded.vocabularySize == 5)
    #expect(padded.nodeOperations == [0, 1, 3, CellGraph.paddingLabel, CellGraph.paddingLabel, CellGraph.paddingLabel, 4])
    #expect(Self.edges(padded) == [[0, 1], [1, 2], [2, 6], [0, 6]])
    let pruned = space.graph(of: cell, as: .brpNAS)
    #expect(pruned.nodeCount == 4 && pruned.nodeOperations == [0, 1, 3, 4])
    #expect(Self.edges(pruned) == [[0, 1], [1, 2], [2, 3], [0, 3]])
  }

  @Test func nasBenchGraphDrawsOneGraphForBothForms() {
    let space = SyntheticSpaces.nasBenchGraph
    let architecture = space.architecture(at: 1_234)
    #expect(space.graphForms == [.brpNAS, .arch2vec])
    #expect(space.graph(of: architecture, as: .brpNAS) == space.graph(of: architecture, as: .arch2vec))
  }
}
