import Randomness
import Tensor

/// The predictor-corrector sampler of Song et al. 2021 for a variance-exploding SDE, as
/// DiffusionNAG runs it: from the prior `N(0, sigmaMax^2 I)`, at each of the SDE's times from
/// 1 down to `smallestTime`, `correctorSteps` Langevin steps at signal-to-noise ratio
/// `signalToNoise`, then one Euler-Maruyama step of the reverse-time SDE; the result is the
/// last step's mean (the source's `noise_removal`).
///
/// Langevin step: `eps = 2 (snr |z| / |s|)^2` with the norms averaged over the batch,
/// `x <- x + eps s + sqrt(2 eps) z`. Euler-Maruyama step: `x <- x + g^2 s / N + g z / sqrt(N)`.
public struct PredictorCorrectorSampler: Sendable, Hashable {
  /// The SDE (its step count is the sampler's).
  public var sde: VarianceExplodingSDE
  /// The corrector's signal-to-noise ratio (the source: 0.16).
  public var signalToNoise: Float
  /// Langevin steps per time (1).
  public var correctorSteps: Int
  /// The last time integrated to (1e-5 for a variance-exploding SDE).
  public var smallestTime: Float

  /// A sampler; the source's values by default.
  public init(sde: VarianceExplodingSDE, signalToNoise: Float = 0.16, correctorSteps: Int = 1, smallestTime: Float = 1e-5) {
    self.sde = sde
    self.signalToNoise = signalToNoise
    self.correctorSteps = correctorSteps
    self.smallestTime = smallestTime
  }

  /// Draws `count` samples of `shape` (per sample) by following `score`.
  ///
  /// - Parameter score: the score at `x` (`[count] + shape`) and time `t`, same shape as `x`.
  /// - Returns: `count * shape.product` values, sample after sample.
  public func sample(
    count: Int, shape: [Int], score: (Tensor, Float) -> Tensor, using rng: inout some RandomNumberGenerator
  ) -> [Float] {
    let full = [count] + shape
    let width = shape.reduce(1, *)
    var x = Tensor(randomNormal: full, standardDeviation: sde.sigmaMax, using: &rng).scalars
    var mean = x
    let n = Float(sde.steps)
    for t in sde.reverseTimes(end: smallestTime) {
      for _ in 0..<correctorSteps {
        let s = score(Tensor(shape: full, scalars: x), t).scalars
        let z = Tensor(randomNormal: full, using: &rng).scalars
        let ratio = signalToNoise * Self.meanNorm(z, width: width) / max(Self.meanNorm(s, width: width), 1e-12)
        let step = 2 * ratio * ratio
        let spread = (2 * step).squareRoot()
        for i in x.indices {
          mean[i] = x[i] + step * s[i]
          x[i] = mean[i] + spread * z[i]
        }
      }
      let s = score(Tensor(shape: full, scalars: x), t).scalars
      let z = Tensor(randomNormal: full, using: &rng).scalars
      let g2 = sde.squaredDiffusion(at: t)
      let (drift, spread) = (g2 / n, (g2 / n).squareRoot())
      for i in x.indices {
        mean[i] = x[i] + drift * s[i]
        x[i] = mean[i] + spread * z[i]
      }
    }
    return mean
  }

  /// The mean over samples of each sample's L2 norm.
  static func meanNorm(_ values: [Float], width: Int) -> Float {
    let samples = values.count / width
    var total: Double = 0
    for sample in 0..<samples {
      var squares: Double = 0
      for i in (sample * width)..<((sample + 1) * width) { squares += Double(values[i]) * Double(values[i]) }
      total += squares.squareRoot()
    }
    return Float(total / Double(max(samples, 1)))
  }
}
