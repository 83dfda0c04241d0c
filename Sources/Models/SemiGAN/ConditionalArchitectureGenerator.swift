import NeuralNetworks
import Randomness
import Tensor

/// SemiGAN-NAD's generator G(y, z) -> architecture (reconstruction): the target signal and a
/// noise vector become one vector per position, a `TokenTransformer` mixes them and a linear
/// head gives each position's token logits.
///
/// Maps `[batch, 1]` targets and `[batch, noiseSize]` noise to `[batch, positions, width]`
/// logits, with the padding of `PaddedTokens` masked to a large negative value so no softmax
/// puts mass there.
public final class ConditionalArchitectureGenerator: Layer {
  /// `[target, noise]` to a hidden vector.
  public let input: Linear
  /// The hidden vector to one vector per position.
  public let spread: Linear
  /// Mixes the positions.
  public let body: TokenTransformer
  /// Each position's vector to token logits.
  public let head: Linear
  /// Length of the noise vector.
  public let noiseSize: Int
  private let positions: Int
  private let modelSize: Int
  private let mask: Tensor

  /// A generator for the padded form `tokens`.
  public init(tokens: PaddedTokens, shape: NetworkShape, using rng: inout some RandomNumberGenerator) {
    let hidden = shape.modelSize * 2
    input = Linear(shape.noiseSize + 1, hidden, name: "generator.input", using: &rng)
    spread = Linear(hidden, tokens.positions * shape.modelSize, name: "generator.spread", using: &rng)
    body = TokenTransformer(
      positions: tokens.positions, modelSize: shape.modelSize, heads: shape.heads, layers: shape.generatorLayers,
      feedForwardSize: shape.feedForwardSize, dropout: 0, name: "generator", using: &rng)
    head = Linear(shape.modelSize, tokens.width, name: "generator.head", using: &rng)
    noiseSize = shape.noiseSize
    positions = tokens.positions
    modelSize = shape.modelSize
    mask = tokens.logitMask()
  }

  public var parameters: [Parameter] { input.parameters + spread.parameters + body.parameters + head.parameters }

  /// - Parameters:
  ///   - targets: `[batch, 1]` standardised target signals.
  ///   - noise: `[batch, noiseSize]`.
  /// - Returns: `[batch, positions, width]` token logits, padding masked.
  public func callAsFunction(targets: Tensor, noise: Tensor, using rng: inout some RandomNumberGenerator) -> Tensor {
    let batch = targets.shape[0]
    let hidden = input(Tensor.concatenate([targets, noise], alongAxis: 1), activation: .relu)
    let rows = spread(hidden).reshaped([batch, positions, modelSize])
    return head(body(rows, mode: .training, using: &rng)) + mask
  }
}
