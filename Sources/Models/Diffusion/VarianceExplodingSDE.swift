internal import Foundation

/// The variance-exploding SDE of Song et al. 2021 ("Score-Based Generative Modeling through
/// Stochastic Differential Equations"), as DiffusionNAG uses it: `dx = g(t) dw` on `t` in
/// `[0, 1]`, with the noise level `sigma(t) = sigmaMin (sigmaMax / sigmaMin)^t` and
/// `g(t)^2 = d sigma^2 / dt = 2 sigma(t)^2 log(sigmaMax / sigmaMin)`.
///
/// A clean sample `x0` perturbed to time `t` is `x0 + sigma(t) z` with `z ~ N(0, I)`; the
/// prior at `t = 1` is `N(0, sigmaMax^2 I)`. DiffusionNAG: sigma 0.1 .. 5.0, 1000 steps.
public struct VarianceExplodingSDE: Sendable, Hashable, Codable {
  /// The noise level at `t = 0`.
  public var sigmaMin: Float
  /// The noise level at `t = 1` (the prior's standard deviation).
  public var sigmaMax: Float
  /// The number of discretisation steps of the reverse-time sampler.
  public var steps: Int

  /// An SDE; DiffusionNAG's values by default.
  public init(sigmaMin: Float = 0.1, sigmaMax: Float = 5, steps: Int = 1000) {
    precondition(sigmaMin > 0 && sigmaMax > sigmaMin, "VarianceExplodingSDE: need 0 < sigmaMin < sigmaMax, got \(sigmaMin), \(sigmaMax)")
    precondition(steps >= 1, "VarianceExplodingSDE: at least one step, got \(steps)")
    self.sigmaMin = sigmaMin
    self.sigmaMax = sigmaMax
    self.steps = steps
  }

  /// `sigma(t)`, the standard deviation of the perturbation at time `t`.
  public func sigma(at t: Float) -> Float {
    sigmaMin * Float(pow(Double(sigmaMax / sigmaMin), Double(t)))
  }

  /// `g(t)^2 = 2 sigma(t)^2 log(sigmaMax / sigmaMin)`.
  public func squaredDiffusion(at t: Float) -> Float {
    let s = sigma(at: t)
    return s * s * 2 * Float(log(Double(sigmaMax / sigmaMin)))
  }

  /// The sampler's times: `steps` values evenly spaced from 1 down to `end`.
  public func reverseTimes(end: Float) -> [Float] {
    guard steps > 1 else { return [1] }
    return (0..<steps).map { 1 - (1 - end) * Float($0) / Float(steps - 1) }
  }
}
