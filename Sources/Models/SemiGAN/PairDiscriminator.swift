import NeuralNetworks
import Randomness
import Tensor

/// SemiGAN-NAD's discriminator D(a, y) (reconstruction): tells real (architecture, signal)
/// pairs from pairs whose signal came from the predictor or whose architecture came from the
/// generator.
///
/// The signal enters as a learned vector added to every position's embedding, so attention
/// sees the architecture and the claimed performance together; the head reads the mean over
/// positions. Maps `[batch, positions, width]` and `[batch, 1]` to `[batch, 1]` logits.
public final class PairDiscriminator: Layer {
  /// Embeds each position's `width` entries.
  public let embedding: Linear
  /// Embeds the (standardised) signal.
  public let condition: Linear
  /// Mixes the positions.
  public let body: TokenTransformer
  /// The pooled vector to one logit.
  public let head: Linear

  /// A discriminator for rows of `positions` x `width`.
  public init(positions: Int, width: Int, shape: NetworkShape, using rng: inout some RandomNumberGenerator) {
    embedding = Linear(width, shape.modelSize, name: "discriminator.embedding", using: &rng)
    condition = Linear(1, shape.modelSize, name: "discriminator.condition", using: &rng)
    body = TokenTransformer(
      positions: positions, modelSize: shape.modelSize, heads: shape.heads, layers: shape.layers,
      feedForwardSize: shape.feedForwardSize, dropout: shape.dropout, name: "discriminator", using: &rng)
    head = Linear(shape.modelSize, 1, name: "discriminator.head", using: &rng)
  }

  public var parameters: [Parameter] { embedding.parameters + condition.parameters + body.parameters + head.parameters }

  /// - Parameters:
  ///   - x: `[batch, positions, width]` architectures (one-hot or relaxed).
  ///   - y: `[batch, 1]` standardised signals.
  /// - Returns: `[batch, 1]` logits of "real".
  public func callAsFunction(_ x: Tensor, _ y: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    let batch = x.shape[0]
    let signal = condition(y).reshaped([batch, 1, condition.outputSize])
    return head(body(embedding(x) + signal, mode: mode, using: &rng).mean(alongAxes: [1]))
  }
}
