import Randomness
import Tensor

/// A pre-norm transformer encoder block: `x + attention(norm(x))`, then
/// `x + feedForward(norm(x))` with a GELU (or, by choice, another activation's) feed-forward
/// network.
///
/// Differs from Vaswani et al. 2017 by normalising before each sublayer (Xiong et al. 2020,
/// "On Layer Normalization in the Transformer Architecture"), which trains without warm-up
/// at the small sizes used here. Maps `[batch, tokens, modelSize]` to the same shape.
public final class TransformerEncoderBlock: Layer {
  public let attention: MultiHeadAttention
  public let attentionNorm: LayerNorm
  public let feedForwardNorm: LayerNorm
  public let expand: Linear
  public let contract: Linear
  public let dropout: Dropout
  /// The feed-forward network's nonlinearity.
  public let activation: Activation

  /// Creates a block.
  public init(
    modelSize: Int, heads: Int, feedForwardSize: Int, dropout: Float = 0, activation: Activation = .gelu,
    name: String = "encoder", using rng: inout some RandomNumberGenerator
  ) {
    attention = MultiHeadAttention(modelSize: modelSize, heads: heads, name: "\(name).attention", using: &rng)
    attentionNorm = LayerNorm(features: modelSize, name: "\(name).attentionNorm")
    feedForwardNorm = LayerNorm(features: modelSize, name: "\(name).feedForwardNorm")
    expand = Linear(modelSize, feedForwardSize, name: "\(name).expand", using: &rng)
    contract = Linear(feedForwardSize, modelSize, name: "\(name).contract", using: &rng)
    self.dropout = Dropout(probability: dropout)
    self.activation = activation
  }

  public var parameters: [Parameter] {
    attention.parameters + attentionNorm.parameters + feedForwardNorm.parameters + expand.parameters
      + contract.parameters
  }

  /// - Parameters:
  ///   - x: `[batch, tokens, modelSize]`.
  ///   - mask: As for `MultiHeadAttention`.
  /// - Returns: `[batch, tokens, modelSize]`.
  public func callAsFunction(
    _ x: Tensor, mask: Tensor? = nil, mode: Mode, using rng: inout some RandomNumberGenerator
  ) -> Tensor {
    let attended = x + dropout(attention(attentionNorm(x), mask: mask), mode: mode, using: &rng)
    let fed = contract(expand(feedForwardNorm(attended), activation: activation))
    return attended + dropout(fed, mode: mode, using: &rng)
  }
}
