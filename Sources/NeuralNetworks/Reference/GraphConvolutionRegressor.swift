import Randomness
import Tensor

/// A BRP-NAS-style graph convolutional regressor (Dudziak et al. 2020, "BRP-NAS:
/// Prediction-based NAS using GCNs", <https://arxiv.org/abs/2007.08668>): stacked
/// `A (X W) + b`, layer norm, ReLU and dropout, read out at the global node, then a linear head.
///
/// Used by `NumericsBenchmark` and the learning tests as the reference GCN workload; it
/// differs from the paper by normalising the adjacency symmetrically (`GraphBatch`).
public final class GraphConvolutionRegressor: Layer {
  public let convolutions: [GraphConvolution]
  public let norms: [LayerNorm]
  public let dropout: Dropout
  public let head: Linear

  /// Creates the model for node features of width `labelCount` (global node label included).
  public init(
    labelCount: Int, hiddenSize: Int = 600, layerCount: Int = 4, dropout: Float = 0.2,
    using rng: inout some RandomNumberGenerator
  ) {
    var convolutions: [GraphConvolution] = []
    var norms: [LayerNorm] = []
    for l in 0..<layerCount {
      let input = l == 0 ? labelCount : hiddenSize
      convolutions.append(GraphConvolution(input, hiddenSize, name: "gcn.\(l)", using: &rng))
      norms.append(LayerNorm(features: hiddenSize, name: "gcn.\(l).norm"))
    }
    self.convolutions = convolutions
    self.norms = norms
    self.dropout = Dropout(probability: dropout)
    head = Linear(hiddenSize, 1, name: "gcn.head", using: &rng)
  }

  public var parameters: [Parameter] {
    zip(convolutions, norms).flatMap { $0.parameters + $1.parameters } + head.parameters
  }

  /// One score per graph, `[graphs]`.
  ///
  /// - Parameters:
  ///   - batch: Graphs stacked with a global node (the last node).
  ///   - adjacency: `[graphs, nodes, nodes]`, e.g. `batch.symmetricNormalizedAdjacency()`.
  public func callAsFunction(
    _ batch: GraphBatch, adjacency: Tensor, mode: Mode, using rng: inout some RandomNumberGenerator
  ) -> Tensor {
    var h = batch.features
    for (convolution, norm) in zip(convolutions, norms) {
      h = dropout(norm(convolution(h, adjacency: adjacency)).relu(), mode: mode, using: &rng)
    }
    let global = h.slice(alongAxis: 1, (batch.nodeCount - 1)..<batch.nodeCount)
    return head(global).reshaped([batch.graphCount])
  }
}
