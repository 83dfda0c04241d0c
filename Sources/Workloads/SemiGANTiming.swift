import Models
import Randomness
import SearchSpaces

/// The cost of SemiGAN-NAD's work on NAS-Bench-201 tokens (6 positions x 5 operations), by
/// phase: game steps (batches, D, P, G), sampling 500 cells from G and scoring 2,000 pool cells
/// with P, with the method's default networks and 100 labelled architectures (random signals:
/// only the time is measured).
public struct SemiGANTiming: Sendable {
  /// Game steps timed.
  public let steps: Int
  /// Seconds per 100 game steps, in all and per phase.
  public let secondsPer100Steps: SemiGANModel.PhaseSeconds
  /// Seconds to sample 500 cells from G.
  public let samplingSeconds: Double
  /// Seconds to score 2,000 pool cells with P.
  public let predictionSeconds: Double

  /// Times `steps` game steps after 10 untimed ones, then one sampling and one scoring.
  public static func measure(steps: Int = 200) -> SemiGANTiming {
    var rng = SeededGenerator(seed: 7)
    let codes = (0..<15_625).map(Int32.init)
    // The full NAS-Bench-201 pool order is only needed for its tokens; any permutation works.
    guard let cells = FixedCellIndex(operationCount: 5, codes: codes) else { preconditionFailure("15,625 codes form the NB201 index") }
    let pool = PoolTokens(NASBench201Space(cells: cells))
    let model = SemiGANModel(tokens: PaddedTokens(pool.layout), training: SemiGANTraining(), using: &rng)
    let labelled = rng.sampleWithoutReplacement(100, from: pool.count)
    let targets = labelled.map { _ in 90 + rng.nextNormal() }
    model.train(labelled: labelled.map(pool.row), targets: targets, pool: pool, steps: 10, using: &rng)
    let before = model.phaseSeconds
    model.train(labelled: labelled.map(pool.row), targets: targets, pool: pool, steps: steps, using: &rng)
    let after = model.phaseSeconds
    let scale = 100 / Double(max(steps, 1))
    var per100 = SemiGANModel.PhaseSeconds()
    per100.batches = (after.batches - before.batches) * scale
    per100.discriminator = (after.discriminator - before.discriminator) * scale
    per100.predictor = (after.predictor - before.predictor) * scale
    per100.generator = (after.generator - before.generator) * scale
    let sampled = model.phaseSeconds.sampling
    _ = model.generate(standardizedTargets: model.highTargets(count: 500, margin: 0.5, using: &rng), temperature: 1, using: &rng)
    let sampling = model.phaseSeconds.sampling - sampled
    let predicted = model.phaseSeconds.prediction
    _ = model.predict(poolIndices: rng.sampleWithoutReplacement(2000, from: pool.count), of: pool)
    let prediction = model.phaseSeconds.prediction - predicted
    return SemiGANTiming(steps: steps, secondsPer100Steps: per100, samplingSeconds: sampling, predictionSeconds: prediction)
  }
}
