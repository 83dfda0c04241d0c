import NeuralNetworks
import Randomness
import Tensor

/// arch2vec's variational graph auto-encoder: a GIN encoder to a Gaussian latent per node,
/// decoded to node operations and an undirected adjacency, trained without labels.
///
/// Source: Yan, Zheng, Ao, Zeng and Zhang, 2020, "Does Unsupervised Architecture Representation
/// Learning Help Neural Architecture Search?", NeurIPS, <https://arxiv.org/abs/2006.06936>
/// (code: MSU-MLSys-Lab/arch2vec). The form follows that code:
/// - Input: one-hot node operations `[graphs, nodes, vocabulary]` and the undirected adjacency
///   `A + Aᵀ` without self loops or normalisation (`undirectedAdjacency(_:)`).
/// - Encoder: `layers` GIN layers, each `(1 + ε) h + A h` with a learnable ε (initially 0), a
///   two-layer MLP (linear, batch norm, ReLU, linear), then batch norm and ReLU; per node a
///   mean head and a log-standard-deviation head (the code names it `logvar` but uses it as
///   log σ: `std = exp(head)`).
/// - Decoder: dropout on `z`, operations `sigmoid(linear(z))`, adjacency `sigmoid(z zᵀ)`.
/// - Loss: binary cross-entropy of the operations plus that of the adjacency (each a mean over
///   its entries, padding included; which adjacency entries count is `adjacencyLoss`) plus the
///   KL divergence to N(0, I), whose per-node sum over the latent is averaged over nodes and
///   then divided by `graphs x nodes` (so it weighs about 1/256 of a per-element cross-entropy
///   on NAS-Bench-201's 8-node cells).
/// - Training (`train(on:using:onEpochEnd:)`): Adam at 1e-3, gradient-norm clipping at 5,
///   batches of 32 graphs; the source runs 8 epochs on NAS-Bench-101 and 10 on NAS-Bench-201.
/// - Embedding (`encode(_:)`): the mean over a graph's nodes of the latent mean.
///
/// Differences from the source: the default `adjacencyLoss` is `symmetric` (every entry,
/// diagonal included), not the source's `upperTriangle`, until the reference runs made with it
/// are repeated (see ``AdjacencyLoss``); graphs of a batch are padded to its largest node count
/// (the source pads NAS-Bench-101 cells to 7 nodes), and padded nodes enter the batch-norm statistics
/// and the reconstruction losses as zero rows, as they do in the source.
public final class GraphVariationalAutoencoder: Layer {
  /// Which entries of `sigmoid(z zᵀ)` the adjacency reconstruction loss reads.
  public enum AdjacencyLoss: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every entry against `A + Aᵀ`, the diagonal included with target 0 (NASArena's form up to
    /// now). The diagonal logits are `|z_i|²`, so their target 0 pulls every node's latent
    /// towards zero, which caps how confident the off-diagonal entries can get; measured on
    /// NAS-Bench-201 it reconstructs 84 % of the held-out pairs against 100 % for the source's
    /// form.
    case symmetric
    /// The source's (`preprocessing(method: 4)` and its `prep_reverse`): only the strict upper
    /// triangle against the directed adjacency; the other entries count 0 in a mean over all
    /// `graphs x nodes x nodes` entries.
    case upperTriangle
  }

  /// How the auto-encoder is shaped and trained; the defaults are the source's.
  public struct Configuration: Sendable, Hashable, Codable {
    /// GIN layers.
    public var layers = 4
    /// Width of every GIN layer.
    public var hiddenSize = 128
    /// Latent width per node.
    public var latentSize = 16
    /// Dropout probability on the latent before decoding, while training.
    public var dropout: Float = 0.3
    /// Adam's learning rate.
    public var learningRate: Float = 1e-3
    /// Graphs per mini-batch.
    public var batchSize = 32
    /// Passes over the graphs.
    public var epochs = 10
    /// The global gradient norm is clipped to this.
    public var maximumGradientNorm: Float = 5
    /// Which entries of the decoded adjacency the reconstruction loss reads.
    public var adjacencyLoss = AdjacencyLoss.symmetric

    /// The source's settings (NAS-Bench-201's 10 epochs).
    public init() {}
  }

  /// The number of node operation types (the one-hot width).
  public let vocabularySize: Int
  /// Shape and training settings.
  public let configuration: Configuration
  /// The GIN layers, first to last.
  public let encoder: [GINLayer]
  /// The batch norm (with ReLU) after each GIN layer.
  public let encoderNorms: [BatchNorm]
  /// `[hiddenSize, latentSize]`: the latent mean per node.
  public let mean: Linear
  /// `[hiddenSize, latentSize]`: the latent log standard deviation per node.
  public let logStandardDeviation: Linear
  /// `[latentSize, vocabularySize]`: operation logits per node.
  public let operationDecoder: Linear
  /// Dropout on the latent while training.
  public let dropout: Dropout

  /// A freshly initialised auto-encoder for `vocabularySize` operation types.
  public init(vocabularySize: Int, configuration: Configuration = Configuration(), using rng: inout some RandomNumberGenerator) {
    precondition(configuration.layers >= 1, "GraphVariationalAutoencoder: needs at least one layer, got \(configuration.layers)")
    let (hidden, latent) = (configuration.hiddenSize, configuration.latentSize)
    self.vocabularySize = vocabularySize
    self.configuration = configuration
    encoder = (0..<configuration.layers).map { l in
      GINLayer(l == 0 ? vocabularySize : hidden, hiddenSize: hidden, hidden, name: "vae.gin\(l)", using: &rng)
    }
    encoderNorms = (0..<configuration.layers).map { BatchNorm(features: hidden, name: "vae.gin\($0).outputNorm") }
    mean = Linear(hidden, latent, name: "vae.mean", using: &rng)
    logStandardDeviation = Linear(hidden, latent, name: "vae.logStandardDeviation", using: &rng)
    operationDecoder = Linear(latent, vocabularySize, name: "vae.operations", using: &rng)
    dropout = Dropout(probability: configuration.dropout)
  }

  public var parameters: [Parameter] {
    zip(encoder, encoderNorms).flatMap { $0.parameters + $1.parameters } + mean.parameters + logStandardDeviation.parameters
      + operationDecoder.parameters
  }

  public var buffers: [LayerBuffer] { zip(encoder, encoderNorms).flatMap { $0.buffers + $1.buffers } }
}

// MARK: - Forward pass and loss

extension GraphVariationalAutoencoder {
  /// The loss terms of one batch, each a one-element tensor on the tape.
  public struct Losses {
    /// `operations + adjacency + kl`, the training objective.
    public let total: Tensor
    /// Binary cross-entropy of the operation one-hots.
    public let operations: Tensor
    /// Binary cross-entropy of the undirected adjacency.
    public let adjacency: Tensor
    /// The scaled KL divergence to the standard normal.
    public let kl: Tensor

    /// `operations + adjacency`.
    public var reconstruction: Tensor { operations + adjacency }
  }

  /// The latent mean and log standard deviation of every node.
  ///
  /// - Parameters:
  ///   - features: `[graphs, nodes, vocabularySize]` one-hot operations.
  ///   - adjacency: `[graphs, nodes, nodes]`, undirected (`undirectedAdjacency(_:)`).
  ///   - mode: Batch statistics (training) or running statistics (evaluation) in batch norms.
  /// - Returns: two `[graphs, nodes, latentSize]` tensors.
  public func latentDistribution(features: Tensor, adjacency: Tensor, mode: Mode) -> (mean: Tensor, logStandardDeviation: Tensor) {
    var h = features
    for (layer, norm) in zip(encoder, encoderNorms) { h = norm(layer(h, adjacency: adjacency, mode: mode), mode: mode, activation: .relu) }
    return (mean(h), logStandardDeviation(h))
  }

  /// Encodes and decodes `batch`: training mode samples the latent (`mean + σ ⊙ noise`) and
  /// applies dropout to it; evaluation mode decodes the latent mean.
  ///
  /// - Parameters:
  ///   - batch: Graphs without a global node.
  ///   - adjacency: `[graphs, nodes, nodes]`, `undirectedAdjacency(batch)`: the encoder's input
  ///     and the decoder's target.
  public func losses(_ batch: GraphBatch, adjacency: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator) -> Losses {
    let (mu, logSigma) = latentDistribution(features: batch.features, adjacency: adjacency, mode: mode)
    var z = mu
    if mode == .training { z = mu + logSigma.exp() * Tensor(randomNormal: mu.shape, using: &rng) }
    z = dropout(z, mode: mode, using: &rng)
    let operations = Loss.binaryCrossEntropy(logits: operationDecoder(z), targets: batch.features)
    let adjacencyLoss = reconstructionLoss(adjacencyLogits: Tensor.matmul(z, z, transposeB: true), undirected: adjacency, directed: batch.adjacency)
    let nodes = Float(batch.graphCount * batch.nodeCount)
    let kl = Loss.klDivergenceFromStandardNormal(mean: mu, logVariance: logSigma * 2) * (1 / nodes)
    return Losses(total: operations + adjacencyLoss + kl, operations: operations, adjacency: adjacencyLoss, kl: kl)
  }

  /// The adjacency term of the loss (see ``AdjacencyLoss``).
  private func reconstructionLoss(adjacencyLogits logits: Tensor, undirected: Tensor, directed: Tensor) -> Tensor {
    switch configuration.adjacencyLoss {
    case .symmetric:
      return Loss.binaryCrossEntropy(logits: logits, targets: undirected)
    case .upperTriangle:
      // Entries outside the strict upper triangle weigh 0 but stay in the mean, as in the source.
      return Loss.binaryCrossEntropy(logits: logits, targets: directed, weights: Self.strictUpperTriangle(like: logits))
    }
  }

  /// A tensor shaped like `tensor`: 1 above the diagonal of every `[nodes, nodes]` matrix, 0 elsewhere.
  private static func strictUpperTriangle(like tensor: Tensor) -> Tensor {
    let n = tensor.shape[tensor.shape.count - 1]
    let graphs = tensor.shape.dropLast(2).reduce(1, *)
    var mask = [Float](repeating: 0, count: graphs * n * n)
    for g in 0..<graphs {
      for i in 0..<n {
        for j in (i + 1)..<n { mask[(g * n + i) * n + j] = 1 }
      }
    }
    return Tensor(shape: tensor.shape, scalars: mask)
  }

  /// `A + Aᵀ` clipped to 1 (no self loops), the encoder's input and the decoder's target;
  /// `[graphs, nodes, nodes]`.
  public static func undirectedAdjacency(_ batch: GraphBatch) -> Tensor {
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
