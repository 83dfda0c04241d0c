import NeuralNetworks
import Randomness
import Tensor

/// The graph encoder of BRP-NAS: graph convolutions with layer norm, ReLU and dropout, read
/// out at the global node.
///
/// Source: Dudziak, Chau, Abdelfattah, Lee, Kim and Lane, 2020, "BRP-NAS: Prediction-based NAS
/// using GCNs", NeurIPS, <https://arxiv.org/abs/2007.08668>. Each layer computes
/// `dropout(relu(layerNorm(Â (H W) + b)))`; graphs carry a global node joined to every node
/// (`GraphBatch(globalNode: true)`), whose final vector is the graph's embedding. The last
/// layer computes that vector alone (`GraphConvolution.callAsFunction(_:adjacency:node:)`).
///
/// Difference from the source: `Â` is the symmetric normalised adjacency with self loops
/// (`GraphBatch.symmetricNormalizedAdjacency()`, Kipf and Welling 2017), so information flows
/// both ways along the cell's edges.
public final class GCNEncoder: Layer {
  /// The graph convolutions, first to last.
  public let convolutions: [GraphConvolution]
  /// One layer norm after each convolution.
  public let norms: [LayerNorm]
  /// Dropout after each ReLU.
  public let dropout: Dropout

  /// An encoder from `inputSize` node features (labels plus the global-node label) through
  /// `layers` layers of `hiddenSize`.
  public init(inputSize: Int, hiddenSize: Int, layers: Int, dropout: Float, using rng: inout some RandomNumberGenerator) {
    precondition(layers >= 1, "GCNEncoder: needs at least one layer, got \(layers)")
    convolutions = (0..<layers).map { i in
      GraphConvolution(i == 0 ? inputSize : hiddenSize, hiddenSize, name: "gcn.\(i)", using: &rng)
    }
    norms = (0..<layers).map { LayerNorm(features: hiddenSize, name: "gcn.norm\($0)") }
    self.dropout = Dropout(probability: dropout)
  }

  public var parameters: [Parameter] { zip(convolutions, norms).flatMap { $0.parameters + $1.parameters } }

  /// The width of the embeddings.
  public var embeddingSize: Int { convolutions[convolutions.count - 1].linear.outputSize }

  /// Graph embeddings.
  ///
  /// - Parameters:
  ///   - features: `[graphs, nodes, inputSize]` one-hot node labels, global node last.
  ///   - adjacency: `[graphs, nodes, nodes]` normalised adjacency.
  /// - Returns: `[graphs, hiddenSize]`, the global node's final vector.
  public func callAsFunction(
    features: Tensor, adjacency: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator
  ) -> Tensor {
    var h = features
    let last = convolutions.count - 1
    for (index, (convolution, norm)) in zip(convolutions, norms).enumerated() {
      // The last layer is read out at the global node only, so only its row is computed.
      let aggregated =
        index == last
        ? convolution(h, adjacency: adjacency, node: features.shape[1] - 1) : convolution(h, adjacency: adjacency)
      h = dropout(norm(aggregated).relu(), mode: mode, using: &rng)
    }
    return h
  }
}

/// Tensors of a batch of graphs as the GCN encoder reads them.
struct EncoderInput {
  /// `[graphs, nodes, labels + 1]`.
  let features: Tensor
  /// `[graphs, nodes, nodes]`.
  let adjacency: Tensor

  /// The batch of `graphs` with a global node.
  init(_ graphs: [GraphSample]) {
    let batch = GraphBatch(graphs, globalNode: true)
    features = batch.features
    adjacency = batch.symmetricNormalizedAdjacency()
  }
}
