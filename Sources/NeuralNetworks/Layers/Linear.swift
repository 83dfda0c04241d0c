import Randomness
import Tensor

/// An affine map `x W + b`.
///
/// `weight` is `[inputSize, outputSize]`, `bias` is `[outputSize]`.
public final class Linear: Layer {
  /// `[inputSize, outputSize]`.
  public let weight: Parameter
  /// `[outputSize]`, or `nil` without bias.
  public let bias: Parameter?

  /// Creates a layer with weights from `initialization` and zero bias.
  public init(
    _ inputSize: Int, _ outputSize: Int, bias: Bool = true, initialization: Initialization = .glorotUniform,
    name: String = "linear", using rng: inout some RandomNumberGenerator
  ) {
    weight = Parameter(
      name: "\(name).weight",
      value: initialization.tensor(shape: [inputSize, outputSize], fanIn: inputSize, fanOut: outputSize, using: &rng))
    self.bias = bias ? Parameter(name: "\(name).bias", value: Tensor(zeros: [outputSize])) : nil
  }

  public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

  /// The number of input features.
  public var inputSize: Int { weight.shape[0] }
  /// The number of output features.
  public var outputSize: Int { weight.shape[1] }

  /// Maps `[..., inputSize]` to `[..., outputSize]` (leading axes fold into one matrix product).
  public func callAsFunction(_ x: Tensor) -> Tensor {
    precondition(x.shape.last == inputSize, "Linear: input shape \(x.shape) does not end in \(inputSize)")
    return Tensor.affine(x, weight: weight.value, bias: bias?.value)
  }

  /// `activation(x W + b)`; ReLU runs inside the fused affine op, other activations after it.
  public func callAsFunction(_ x: Tensor, activation: Activation) -> Tensor {
    precondition(x.shape.last == inputSize, "Linear: input shape \(x.shape) does not end in \(inputSize)")
    guard activation == .relu else { return activation(self(x)) }
    return Tensor.affine(x, weight: weight.value, bias: bias?.value, activation: .relu)
  }
}
