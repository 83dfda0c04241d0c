import NeuralNetworks
import Randomness
import Tensor

/// The shape of DiffusionNAG's graph transformer (its score network and its predictors).
public struct NodeTransformerShape: Sendable, Hashable, Codable {
  /// Transformer blocks (the source: 12).
  public var layers = 12
  /// Model width (64).
  public var modelSize = 64
  /// Attention heads (8).
  public var heads = 8
  /// Feed-forward width (128).
  public var feedForwardSize = 128
  /// Dropout after the operation embedding and each sublayer (0.1).
  public var dropout: Float = 0.1

  /// The source's shape.
  public init() {}

  /// A stable text of the shape, for cache keys.
  public var key: String { "layers=\(layers) d=\(modelSize) heads=\(heads) ff=\(feedForwardSize) dropout=\(dropout)" }
}

/// DiffusionNAG's graph transformer over the node-type matrix of a cell (the CATE encoder of
/// Yan et al. 2021 as the source adapts it): a linear embedding of each node's type row scaled
/// by `sqrt(modelSize)`, dropout, optionally a sinusoidal encoding of the node position, plus
/// an embedding of the noise level (`NoiseLevelEmbedding`, then linear 4x wider, SiLU,
/// linear), then pre-norm transformer blocks with ReLU feed-forward networks whose attention
/// the cell's DAG masks; each block's output is layer-normalised and all of them are
/// concatenated into an ELU MLP (two hidden layers twice the concatenation wide) that gives
/// `outputSize` values per node.
///
/// Differences from the source: dropout sits after each sublayer (`TransformerEncoderBlock`),
/// not also inside the feed-forward network and on the attention weights.
public final class NodeTransformer: Layer {
  /// The shape.
  public let shape: NodeTransformerShape
  let embedding: Linear
  let timeHidden: Linear
  let timeOutput: Linear
  let blocks: [TransformerEncoderBlock]
  let norms: [LayerNorm]
  let head: MLP
  let inputDropout: Dropout
  let positions: Tensor?

  /// A transformer over cells of `nodeCount` nodes with `featureCount` values per node.
  ///
  /// - Parameter positional: whether node positions are encoded (the score network: yes; the
  ///   source's predictor: no).
  public init(
    shape: NodeTransformerShape, nodeCount: Int, featureCount: Int, outputSize: Int, positional: Bool, name: String,
    using rng: inout some RandomNumberGenerator
  ) {
    precondition(shape.modelSize % shape.heads == 0, "NodeTransformer: modelSize \(shape.modelSize) not divisible by heads \(shape.heads)")
    self.shape = shape
    let d = shape.modelSize
    embedding = Linear(featureCount, d, name: "\(name).embedding", using: &rng)
    timeHidden = Linear(d, 4 * d, name: "\(name).timeHidden", using: &rng)
    timeOutput = Linear(4 * d, d, name: "\(name).timeOutput", using: &rng)
    blocks = (0..<shape.layers).map {
      TransformerEncoderBlock(
        modelSize: d, heads: shape.heads, feedForwardSize: shape.feedForwardSize, dropout: shape.dropout, activation: .relu,
        name: "\(name).block\($0)", using: &rng)
    }
    norms = (0..<shape.layers).map { LayerNorm(features: d, name: "\(name).norm\($0)") }
    let concatenated = shape.layers * d
    head = MLP(sizes: [concatenated, 2 * concatenated, 2 * concatenated, outputSize], activation: .elu, name: "\(name).head", using: &rng)
    inputDropout = Dropout(probability: shape.dropout)
    positions = positional ? PositionalEncoding.sinusoidal(length: nodeCount, dimension: d) : nil
  }

  public var parameters: [Parameter] {
    embedding.parameters + timeHidden.parameters + timeOutput.parameters + blocks.flatMap(\.parameters) + norms.flatMap(\.parameters)
      + head.parameters
  }

  /// - Parameters:
  ///   - x: `[batch, nodeCount, featureCount]`.
  ///   - noiseLevels: one noise level (`sigma`) per sample.
  ///   - mask: `[nodeCount, nodeCount]`, 1 where attention is forbidden.
  /// - Returns: `[batch, nodeCount, outputSize]`.
  public func callAsFunction(
    _ x: Tensor, noiseLevels: [Float], mask: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator
  ) -> Tensor {
    let (batch, d) = (x.shape[0], shape.modelSize)
    precondition(noiseLevels.count == batch, "NodeTransformer: \(noiseLevels.count) noise levels for \(batch) samples")
    var h = inputDropout(embedding(x) * Float(d).squareRoot(), mode: mode, using: &rng)
    if let positions { h = h + positions }
    let time = timeOutput(timeHidden(NoiseLevelEmbedding.sinusoidal(levels: noiseLevels, dimension: d), activation: .silu))
    h = h + time.reshaped([batch, 1, d])
    var outputs: [Tensor] = []
    for (block, norm) in zip(blocks, norms) {
      h = block(h, mask: mask, mode: mode, using: &rng)
      outputs.append(norm(h))
    }
    return head(Tensor.concatenate(outputs, alongAxis: 2), mode: mode, using: &rng)
  }
}
