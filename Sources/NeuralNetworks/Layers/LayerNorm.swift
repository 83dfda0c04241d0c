import Tensor

/// Layer normalisation over the last axis with a learned scale and shift (Ba et al. 2016,
/// <https://arxiv.org/abs/1607.06450>). Maps `[..., features]` to the same shape.
public final class LayerNorm: Layer {
  /// `[features]`, initialised to 1.
  public let scale: Parameter
  /// `[features]`, initialised to 0.
  public let shift: Parameter
  /// Added to the variance.
  public let epsilon: Float

  /// Creates a layer norm over `features` values.
  public init(features: Int, epsilon: Float = 1e-5, name: String = "layerNorm") {
    scale = Parameter(name: "\(name).scale", value: Tensor(repeating: 1, shape: [features]))
    shift = Parameter(name: "\(name).shift", value: Tensor(zeros: [features]))
    self.epsilon = epsilon
  }

  public var parameters: [Parameter] { [scale, shift] }

  /// Same shape as `x`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    precondition(x.shape.last == scale.shape[0], "LayerNorm: input shape \(x.shape) does not end in \(scale.shape[0])")
    return x.standardized(epsilon: epsilon) * scale.value + shift.value
  }
}
