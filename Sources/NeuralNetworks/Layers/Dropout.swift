import Randomness
import Tensor

/// Inverted dropout: in training, zeroes each element with `probability` and scales the rest
/// by `1 / (1 - probability)`; the identity in evaluation (Srivastava et al. 2014, JMLR 15).
public final class Dropout: Layer {
  /// The chance of dropping an element, in `[0, 1)`.
  public let probability: Float

  /// Creates a dropout layer.
  public init(probability: Float) {
    precondition(probability >= 0 && probability < 1, "Dropout: probability must be in [0, 1), got \(probability)")
    self.probability = probability
  }

  public var parameters: [Parameter] { [] }

  /// Same shape as `x`.
  public func callAsFunction(_ x: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    guard mode == .training, probability > 0 else { return x }
    return x.droppedOut(probability: probability, using: &rng)
  }
}
