import Randomness
import Tensor

/// Standard weight initialisations, drawn from an explicit generator.
///
/// Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward neural
/// networks"; He et al. 2015, "Delving Deep into Rectifiers" (<https://arxiv.org/abs/1502.01852>).
public enum Initialization: Sendable, Equatable {
  /// Uniform in `±sqrt(6 / (fanIn + fanOut))`.
  case glorotUniform
  /// Uniform in `±sqrt(6 / fanIn)`, for ReLU networks.
  case heUniform
  /// Normal with standard deviation `sqrt(2 / fanIn)`.
  case heNormal
  /// Uniform in `±1 / sqrt(fanIn)` (PyTorch's default for linear layers).
  case leCunUniform
  /// All zeros (biases).
  case zeros

  /// A tensor of `shape` initialised by this rule.
  ///
  /// - Parameters:
  ///   - shape: The weight shape.
  ///   - fanIn: Inputs feeding each output unit.
  ///   - fanOut: Outputs fed by each input unit.
  ///   - rng: The source of randomness.
  public func tensor(shape: [Int], fanIn: Int, fanOut: Int, using rng: inout some RandomNumberGenerator) -> Tensor {
    let (fanIn, fanOut) = (Float(max(fanIn, 1)), Float(max(fanOut, 1)))
    switch self {
    case .glorotUniform:
      let limit = (6 / (fanIn + fanOut)).squareRoot()
      return Tensor(randomUniform: shape, in: -limit..<limit, using: &rng)
    case .heUniform:
      let limit = (6 / fanIn).squareRoot()
      return Tensor(randomUniform: shape, in: -limit..<limit, using: &rng)
    case .heNormal:
      return Tensor(randomNormal: shape, standardDeviation: (2 / fanIn).squareRoot(), using: &rng)
    case .leCunUniform:
      let limit = 1 / fanIn.squareRoot()
      return Tensor(randomUniform: shape, in: -limit..<limit, using: &rng)
    case .zeros:
      return Tensor(zeros: shape)
    }
  }
}
