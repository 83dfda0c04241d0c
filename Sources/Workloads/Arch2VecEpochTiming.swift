import Models
import Randomness
import SearchSpaces
import Tensor

/// Seconds of one arch2vec pretraining epoch (`Arch2VecPretraining`: the GIN VAE with the
/// source's sizes, batch 32, on the first 90 % of the pool, then reconstruction accuracy on the
/// last 10 %), for the side-by-side benchmark. No prior samples are drawn.
public enum Arch2VecEpochTiming {
  /// Trains one epoch on `space`'s pool under a metered `backend`.
  ///
  /// - Throws: `CellReadingError` when the space's graphs cannot be used.
  public static func measure(space: any SearchSpace, backend: any MatrixMultiplyBackend, seed: UInt64 = 15) throws -> SideBySideMeasurement {
    var configuration = GraphVariationalAutoencoder.Configuration()
    configuration.epochs = 1
    let meter = MeteredBackend(backend)
    var rng = SeededGenerator(seed: seed)
    var epochFlops = 0.0
    let result = try Backends.$current.withValue(meter) {
      // The FLOPs at the epoch's report: without the embedding of the pool that follows it.
      try Arch2VecPretraining.run(space: space, configuration: configuration, priorSamples: 0, using: &rng) { _ in epochFlops = meter.flops }
    }
    let training = max(1, min(space.poolSize - 1, space.poolSize * 9 / 10))
    return SideBySideMeasurement(
      workload: "arch2vec-epoch", backend: backend.description, seconds: result.reports.first?.seconds ?? 0,
      work: [
        "trainingGraphs": Double(training), "heldOutGraphs": Double(space.poolSize - training),
        "steps": Double((training + configuration.batchSize - 1) / configuration.batchSize), "batch": Double(configuration.batchSize),
        "hidden": Double(configuration.hiddenSize), "latent": Double(configuration.latentSize),
      ],
      gigaflop: epochFlops / 1e9)
  }
}
