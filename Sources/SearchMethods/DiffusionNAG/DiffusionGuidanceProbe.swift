import Models
import Randomness
import SearchSpaces

/// An experiment on DiffusionNAG's guidance alone: fit the noise-aware predictor on given
/// labelled cells, then sample at several guidance scales from one pretrained score model and
/// return what each scale produced, so the harness can look up the true signal of the samples.
///
/// Every scale samples with a generator of the same seed, so scale 0 (no guidance) and the
/// others start from the same prior draws.
public enum DiffusionGuidanceProbe {
  /// What one scale produced.
  public struct Draw: Sendable, Hashable {
    /// The guidance scale.
    public var scale: Float
    /// Cells sampled.
    public var sampled: Int
    /// Samples that spell a valid architecture of the space.
    public var valid: Int
    /// Pool indices of the valid samples that are in the pool, repeats included.
    public var poolIndices: [Int]
  }

  /// Fits the guidance predictor of `settings` on `labelled` (pool indices) with their
  /// `signals`, then draws `samples` cells at each of `scales`.
  public static func run(
    settings: DiffusionNAG.Settings, pretrained: DiffusionScoreModel.Saved, space: any SearchSpace, labelled: [Int], signals: [Double],
    scales: [Float], samples: Int, seed: UInt64
  ) throws -> [Draw] {
    let model = try DiffusionScoreModel(space: space, saved: pretrained)
    let form = model.form
    var rng = SeededGenerator(seed: seed)
    let guide = NoiseAwarePredictor(form: form, sde: model.sde, shape: settings.predictor, noised: true, using: &rng)
    guide.fit(form.matrices(ofPool: labelled), targets: signals, training: settings.predictorTraining, using: &rng)
    let samplingSeed = rng.next()
    return scales.map { scale in
      var sampling = SeededGenerator(seed: samplingSeed)
      let values = model.sample(count: samples, sampler: settings.sampler, guide: guide, scale: scale, using: &sampling)
      var valid = 0
      var indices: [Int] = []
      for sample in 0..<samples {
        guard let cell = form.architecture(fromSample: values[(sample * form.width)..<((sample + 1) * form.width)]) else { continue }
        let status = space.status(of: cell)
        guard status.isValid else { continue }
        valid += 1
        if let index = status.poolIndex { indices.append(index) }
      }
      return Draw(scale: scale, sampled: samples, valid: valid, poolIndices: indices)
    }
  }
}
