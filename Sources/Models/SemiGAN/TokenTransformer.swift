import NeuralNetworks
import Randomness
import Tensor

/// The body shared by the three networks of `SemiGANModel`: a learned vector per position
/// added to the input, pre-norm transformer encoder blocks mixing the positions, and a final
/// layer norm. Maps `[batch, positions, modelSize]` to the same shape. The blocks' feed-forward
/// networks use ReLU (fused into the affine op), not GELU: the source is silent, and GELU's
/// `erf` took a fifth of the game's time when profiled.
///
/// Every position attends to every other (no mask): the positions of a token layout form one
/// fixed-length row, so "bidirectional" here means full self-attention over the row.
public final class TokenTransformer: Layer {
  /// `[positions, modelSize]`, added to every row.
  public let positionEmbedding: Parameter
  /// The encoder blocks, in order.
  public let blocks: [TransformerEncoderBlock]
  /// The final normalisation.
  public let finalNorm: LayerNorm

  /// A body for rows of `positions` vectors of `modelSize`.
  public init(
    positions: Int, modelSize: Int, heads: Int, layers: Int, feedForwardSize: Int, dropout: Float, name: String,
    using rng: inout some RandomNumberGenerator
  ) {
    positionEmbedding = Parameter(
      name: "\(name).positions", value: Tensor(randomNormal: [positions, modelSize], standardDeviation: 0.1, using: &rng))
    blocks = (0..<layers).map { layer in
      TransformerEncoderBlock(
        modelSize: modelSize, heads: heads, feedForwardSize: feedForwardSize, dropout: dropout, activation: .relu, name: "\(name).block\(layer)",
        using: &rng)
    }
    finalNorm = LayerNorm(features: modelSize, name: "\(name).norm")
  }

  public var parameters: [Parameter] { [positionEmbedding] + blocks.flatMap(\.parameters) + finalNorm.parameters }

  /// - Parameter x: `[batch, positions, modelSize]`.
  /// - Returns: `[batch, positions, modelSize]`.
  public func callAsFunction(_ x: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    var hidden = x + positionEmbedding.value
    for block in blocks { hidden = block(hidden, mode: mode, using: &rng) }
    return finalNorm(hidden)
  }
}
