import NeuralNetworks
import Randomness
import Tensor

/// SemiGAN-NAD's predictor P(a) -> y (reconstruction): a linear embedding of each position's
/// (soft) one-hot, a `TokenTransformer`, the mean over positions and a linear head.
///
/// Maps `[batch, positions, width]` to `[batch, 1]` standardised signals. Soft inputs (a
/// generator's relaxed samples) pass gradients back to whatever produced them.
public final class PerformancePredictorNetwork: Layer {
  /// Embeds each position's `width` entries.
  public let embedding: Linear
  /// Mixes the positions.
  public let body: TokenTransformer
  /// The pooled vector to one value.
  public let head: Linear

  /// A predictor for rows of `positions` x `width`.
  public init(positions: Int, width: Int, shape: NetworkShape, using rng: inout some RandomNumberGenerator) {
    embedding = Linear(width, shape.modelSize, name: "predictor.embedding", using: &rng)
    body = TokenTransformer(
      positions: positions, modelSize: shape.modelSize, heads: shape.heads, layers: shape.layers,
      feedForwardSize: shape.feedForwardSize, dropout: shape.dropout, name: "predictor", using: &rng)
    head = Linear(shape.modelSize, 1, name: "predictor.head", using: &rng)
  }

  public var parameters: [Parameter] { embedding.parameters + body.parameters + head.parameters }

  /// - Parameter x: `[batch, positions, width]`.
  /// - Returns: `[batch, 1]`.
  public func callAsFunction(_ x: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    head(body(embedding(x), mode: mode, using: &rng).mean(alongAxes: [1]))
  }
}
