import Tensor

/// A trainable tensor with a stable name, updated in place by optimizers.
///
/// The value is a leaf tensor with `requiresGradient`; after `loss.backward()` its gradient
/// is in `value.gradient`. Parameters are classes because layers and optimizers refer to the
/// same one by identity.
public final class Parameter {
  /// A dotted path such as `encoder.layer2.weight`, used in error messages and tests.
  public let name: String
  /// The current value; its shape never changes.
  public let value: Tensor

  /// Wraps `value` as a trainable leaf (the values are copied into a leaf that requires gradients).
  public init(name: String, value: Tensor) {
    self.name = name
    self.value = Tensor(shape: value.shape, scalars: value.scalars, requiresGradient: true)
  }

  /// The shape of the value.
  public var shape: [Int] { value.shape }
}

/// Whether a forward pass is for training (dropout active, batch statistics) or evaluation.
public enum Mode: Sendable, Equatable {
  case training
  case evaluation
}

/// A neural-network building block that owns parameters.
///
/// Each layer has a `callAsFunction` whose arguments fit the layer (a mode where behaviour
/// differs between training and evaluation, an adjacency for graph layers) and lists every
/// parameter it owns, including those of its sublayers, in a fixed order. A layer that holds
/// state outside its parameters (batch norm's running statistics), or contains one that does,
/// lists it in `buffers`, so `LayerState` saves and loads it with the parameters.
public protocol Layer: AnyObject {
  /// Every trainable parameter, sublayers included, in a stable order.
  var parameters: [Parameter] { get }
  /// Every buffer, sublayers included, in a stable order; empty for most layers.
  var buffers: [LayerBuffer] { get }
}

extension Layer {
  /// No buffers: the layer's state is its parameters.
  public var buffers: [LayerBuffer] { [] }

  /// Clears the gradients of all parameters.
  public func zeroGradients() {
    for parameter in parameters { parameter.value.zeroGradient() }
  }

  /// The total number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}
