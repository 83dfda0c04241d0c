import NeuralNetworks
import Randomness
import Testing
import Workloads

/// The numerics timings on a few graphs and the portable backend.
@Suite struct NumericsTimingTests {
  @Test func reportCoversEveryShapeAndWorkload() {
    var rng = SeededGenerator(seed: 50)
    let options = NumericsTimingOptions(
      nasBench201Graphs: (0..<8).map { _ in GraphSample.randomNASBench201(using: &rng) },
      nasBench101Graphs: (0..<8).map { _ in GraphSample.randomNASBench101(using: &rng) },
      backends: [.portable], secondsPerShape: 0.001)
    var quick = options
    quick.semiGANSteps = 4
    let report = NumericsTiming.run(quick)
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
    #expect(report.sparseAggregation.nodes == 10_000 && report.sparseAggregation.neighbours == 10)
    #expect(report.sparseAggregation.forwardMilliseconds > 0)
    #expect(report.sparseAggregation.forwardBackwardMilliseconds > 0)
    #expect(report.markdownTable.contains("| 10000 nodes x 10 neighbours x 64 features |"))
    let game = report.semiGAN.secondsPer100Steps
    #expect(report.semiGAN.steps == 4)
    #expect(game.discriminator > 0 && game.predictor > 0 && game.generator > 0 && game.total >= game.discriminator + game.predictor)
    #expect(report.semiGAN.samplingSeconds > 0 && report.semiGAN.predictionSeconds > 0)
    #expect(report.markdownTable.contains("| semigan-nad, NB201 tokens, default networks |"))
  }
}
