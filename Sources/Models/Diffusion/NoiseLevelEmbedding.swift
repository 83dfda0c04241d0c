internal import Foundation
import Tensor

/// The sinusoidal embedding of each sample's noise level that conditions DiffusionNAG's
/// networks on time (the transformer embedding of timesteps, Vaswani et al. 2017, as
/// score-based models use it): the first half of the width is `sin(level * f_i)`, the second
/// `cos(level * f_i)`, with `f_i = 10000^(-i / (half - 1))`. A variance-exploding model is
/// conditioned on `sigma(t)`, not on `t`.
public enum NoiseLevelEmbedding {
  /// `[levels.count, dimension]`, a constant (no gradient).
  ///
  /// - Precondition: `dimension >= 4` and even.
  public static func sinusoidal(levels: [Float], dimension: Int) -> Tensor {
    precondition(dimension >= 4 && dimension % 2 == 0, "NoiseLevelEmbedding: an even dimension of at least 4, got \(dimension)")
    let half = dimension / 2
    let step = log(10_000.0) / Double(half - 1)
    let frequencies = (0..<half).map { exp(-Double($0) * step) }
    var scalars = [Float](repeating: 0, count: levels.count * dimension)
    for (row, level) in levels.enumerated() {
      for (i, frequency) in frequencies.enumerated() {
        let angle = Double(level) * frequency
        scalars[row * dimension + i] = Float(sin(angle))
        scalars[row * dimension + half + i] = Float(cos(angle))
      }
    }
    return Tensor(shape: [levels.count, dimension], scalars: scalars)
  }
}
