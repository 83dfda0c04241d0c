import Randomness
import Tensor

/// An arch2vec-style variational graph auto-encoder (Yan et al. 2020, "Does Unsupervised
/// Architecture Representation Learning Help Neural Architecture Search?",
/// <https://arxiv.org/abs/2006.06936>): GIN encoder, per-node Gaussian latent, operations
/// decoded by `sigmoid(linear(z))` and adjacency by `sigmoid(z zᵀ)`.
///
/// The reference workload of `NumericsBenchmark` and the VAE learning test. It differs from
/// the paper by reconstructing the symmetrised adjacency (`z zᵀ` is symmetric).
public final class GraphVariationalAutoencoder: Layer {
  public let encoder: [GINLayer]
  public let mean: Linear
  public let logVariance: Linear
  public let operationDecoder: Linear
  public let dropout: Dropout

  /// Creates the model for one-hot node labels of width `labelCount`.
  public init(
    labelCount: Int, hiddenSize: Int = 128, layerCount: Int = 4, latentSize: Int = 16, dropout: Float = 0.3,
    using rng: inout some RandomNumberGenerator
  ) {
    encoder = (0..<layerCount).map { l in
      GINLayer(l == 0 ? labelCount : hiddenSize, hiddenSize: hiddenSize, hiddenSize, name: "vae.gin\(l)", using: &rng)
    }
    mean = Linear(hiddenSize, latentSize, name: "vae.mean", using: &rng)
    logVariance = Linear(hiddenSize, latentSize, name: "vae.logVariance", using: &rng)
    operationDecoder = Linear(latentSize, labelCount, name: "vae.operations", using: &rng)
    self.dropout = Dropout(probability: dropout)
  }

  public var parameters: [Parameter] {
    encoder.flatMap(\.parameters) + mean.parameters + logVariance.parameters + operationDecoder.parameters
  }

  /// The loss terms for one batch, each a scalar.
  public struct Losses {
    /// `reconstruction + kl`.
    public let total: Tensor
    /// BCE of operations plus BCE of the (symmetrised) adjacency.
    public let reconstruction: Tensor
    /// KL divergence to the standard normal, divided by the node count.
    public let kl: Tensor
  }

  /// Encodes and decodes `batch`; training mode samples the latent and applies dropout,
  /// evaluation mode decodes the latent mean.
  ///
  /// - Parameters:
  ///   - batch: Graphs without a global node.
  ///   - adjacency: `[graphs, nodes, nodes]`, symmetric (`A + Aᵀ`), also the decoder target.
  public func losses(
    _ batch: GraphBatch, adjacency: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator
  ) -> Losses {
    var h = batch.features
    for layer in encoder { h = layer(h, adjacency: adjacency, mode: mode) }
    let mu = mean(h)
    let logVar = logVariance(h)
    var z = mu
    if mode == .training {
      let noise = Tensor(randomNormal: mu.shape, using: &rng)
      z = mu + (logVar * 0.5).exp() * noise
    }
    z = dropout(z, mode: mode, using: &rng)
    let operationLoss = Loss.binaryCrossEntropy(logits: operationDecoder(z), targets: batch.features)
    let adjacencyLoss = Loss.binaryCrossEntropy(logits: Tensor.matmul(z, z, transposeB: true), targets: adjacency)
    let reconstruction = operationLoss + adjacencyLoss
    let kl = Loss.klDivergenceFromStandardNormal(mean: mu, logVariance: logVar) * (1 / Float(batch.nodeCount))
    return Losses(total: reconstruction + kl, reconstruction: reconstruction, kl: kl)
  }

  /// `A + Aᵀ` clipped to 1, the encoder's input and the decoder's target; `[graphs, nodes, nodes]`.
  public static func symmetrized(_ batch: GraphBatch) -> Tensor {
    let n = batch.nodeCount
    var values = batch.adjacency.scalars
    for g in 0..<batch.graphCount {
      for i in 0..<n {
        for j in 0..<n where values[(g * n + j) * n + i] != 0 { values[(g * n + i) * n + j] = 1 }
      }
    }
    return Tensor(shape: batch.adjacency.shape, scalars: values)
  }
}
