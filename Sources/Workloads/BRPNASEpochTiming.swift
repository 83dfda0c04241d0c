import Models
import Randomness
import SearchSpaces
import Tensor

/// Seconds per epoch of BRP-NAS's binary relation predictor fit (`BinaryRelationPredictor`,
/// the published GCN and training settings), for the side-by-side benchmark.
///
/// The fit runs a fixed number of epochs (early stopping is pushed past the last epoch), and
/// the wall time of the whole fit is divided by the epochs run. One epoch is one pass over the
/// `n` labelled graphs in steps of `graphsPerStep` (16): each step embeds its graphs once and
/// trains on every ordered pair among them, so an epoch has `sum c (c - 1)` pairs over the step
/// sizes `c` (n = 20: 16 + 4, 252 pairs; n = 100: 6 x 16 + 4, 1,452 pairs).
public enum BRPNASEpochTiming {
  /// Ordered pairs one epoch trains on for `count` graphs in steps of `graphsPerStep`.
  public static func pairsPerEpoch(count: Int, graphsPerStep: Int) -> Int {
    stride(from: 0, to: count, by: graphsPerStep).map { start in
      let size = min(graphsPerStep, count - start)
      return size * (size - 1)
    }.reduce(0, +)
  }

  /// Fits the predictor on `poolIndices` (of `domain`) with `targets` for `epochs` epochs under a metered
  /// `backend` and returns one measurement per epoch (seconds, GFLOP and work per epoch).
  ///
  /// - Throws: the predictor's fit errors.
  public static func measure(
    workload: String, domain: Domain, poolIndices: [Int], targets: [Double], epochs: Int,
    backend: any MatrixMultiplyBackend, seed: UInt64 = 15
  ) throws -> SideBySideMeasurement {
    var training = GCNTraining()
    training.epochs = epochs
    training.patienceStart = epochs + 1
    let predictor = BinaryRelationPredictor(graphs: DomainGraphs.shared(domain), training: training)
    let meter = MeteredBackend(backend)
    var rng = SeededGenerator(seed: seed)
    let clock = ContinuousClock()
    let start = clock.now
    try Backends.$current.withValue(meter) {
      try predictor.fit(poolIndices: poolIndices, targets: targets, using: &rng)
    }
    let seconds = (clock.now - start).seconds
    let run = Double(max(predictor.epochsRun, 1))
    let steps = (poolIndices.count + training.graphsPerStep - 1) / training.graphsPerStep
    return SideBySideMeasurement(
      workload: workload, backend: backend.description, seconds: seconds / run,
      work: [
        "labelled": Double(poolIndices.count), "epochs": run, "stepsPerEpoch": Double(steps),
        "pairsPerEpoch": Double(pairsPerEpoch(count: poolIndices.count, graphsPerStep: training.graphsPerStep)),
        "graphsEmbeddedPerEpoch": Double(poolIndices.count),
      ],
      gigaflop: meter.flops / run / 1e9)
  }
}
