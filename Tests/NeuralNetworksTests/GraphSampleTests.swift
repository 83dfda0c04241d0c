import NeuralNetworks
import Randomness
import Testing

/// The synthetic NAS-Bench-201- and NAS-Bench-101-shaped cells used by tests and timings.
@Suite struct GraphSampleTests {
  @Test func syntheticGraphsHaveTheCellShapes() {
    var rng = SeededGenerator(seed: 51)
    let cell201 = GraphSample.randomNASBench201(using: &rng)
    #expect(cell201.nodeCount == 8)
    #expect(cell201.vocabularySize == 7)
    // Input feeds 3 edge nodes, 4 edge-to-edge links, 3 edge nodes feed the output.
    let edges201: Float = cell201.adjacency.reduce(0, +)
    #expect(edges201 == 10)
    for _ in 0..<20 {
      let cell101 = GraphSample.randomNASBench101(using: &rng)
      #expect((3...7).contains(cell101.nodeCount))
      #expect(cell101.nodeOperations.first == 0 && cell101.nodeOperations.last == 1)
      let n = cell101.nodeCount
      for i in 0..<n { for j in 0...i { #expect(cell101.adjacency[i * n + j] == 0) } }
    }
    let batch = GraphBatch([cell201], globalNode: true)
    #expect(batch.nodeCount == 9)
    #expect(batch.labelCount == 8)
    let edgesWithGlobal: Float = batch.adjacency.scalars.reduce(0, +)
    #expect(edgesWithGlobal == 26)
  }
}
