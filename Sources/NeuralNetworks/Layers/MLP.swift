import Randomness
import Tensor

/// A multilayer perceptron: linear layers with an activation (and optional dropout) between them.
///
/// `sizes = [in, h1, ..., out]`; the last layer has no activation. Maps `[..., in]` to `[..., out]`.
public final class MLP: Layer {
  /// The linear layers in order.
  public let layers: [Linear]
  /// The hidden nonlinearity.
  public let activation: Activation
  /// Dropout after each hidden activation.
  public let dropout: Dropout

  /// Creates an MLP.
  ///
  /// - Parameters:
  ///   - sizes: At least two layer widths, input first.
  ///   - activation: The nonlinearity between layers.
  ///   - dropout: The dropout probability after each hidden activation.
  ///   - initialization: The weight initialisation of every layer.
  public init(
    sizes: [Int], activation: Activation = .relu, dropout: Float = 0, initialization: Initialization = .heUniform,
    name: String = "mlp", using rng: inout some RandomNumberGenerator
  ) {
    precondition(sizes.count >= 2, "MLP: needs input and output sizes, got \(sizes)")
    var layers: [Linear] = []
    for i in 0..<(sizes.count - 1) {
      layers.append(Linear(sizes[i], sizes[i + 1], initialization: initialization, name: "\(name).\(i)", using: &rng))
    }
    self.layers = layers
    self.activation = activation
    self.dropout = Dropout(probability: dropout)
  }

  public var parameters: [Parameter] { layers.flatMap(\.parameters) }

  /// The forward pass with dropout active in training mode.
  public func callAsFunction(_ x: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    var h = x
    for (i, layer) in layers.enumerated() {
      if i < layers.count - 1 {
        h = dropout(layer(h, activation: activation), mode: mode, using: &rng)
      } else {
        h = layer(h)
      }
    }
    return h
  }

  /// The forward pass in evaluation mode (no dropout).
  public func callAsFunction(_ x: Tensor) -> Tensor {
    var unused = SeededGenerator(seed: 0)
    return self(x, mode: .evaluation, using: &unused)
  }
}
