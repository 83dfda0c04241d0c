import NeuralNetworks
import Randomness
import Tensor
import Testing

@Suite struct NumericsBenchmarkTests {
  @Test func reportCoversEveryShapeAndWorkload() {
    var rng = SeededGenerator(seed: 50)
    let options = NumericsBenchmarkOptions(
      nasBench201Graphs: (0..<8).map { _ in GraphSample.randomNASBench201(using: &rng) },
      nasBench101Graphs: (0..<8).map { _ in GraphSample.randomNASBench101(using: &rng) },
      backends: [.portable], secondsPerShape: 0.001)
    let report = NumericsBenchmark.run(options)
    #expect(report.products.count == 4)
    #expect(report.products.allSatisfy { $0.gigaflops > 0 && $0.backend == "portable" })
    #expect(report.workloads.count == 3)
    for row in report.workloads {
      #expect(row.secondsPerEpoch > 0)
      #expect(row.matmulGigaflopsPerEpoch > 0)
      #expect(row.fractionInMatmul > 0 && row.fractionInMatmul <= 1)
    }
    #expect(report.rawGigaflops["portable"] != nil)
    #expect(report.markdownTable.hasPrefix("| matmul shape | backend | GF/s |"))
    #expect(report.markdownTable.contains("| workload | backend | s/epoch |"))
  }

  @Test func syntheticGraphsHaveTheBenchmarkShapes() {
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
