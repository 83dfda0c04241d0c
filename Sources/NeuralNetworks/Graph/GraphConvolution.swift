import Randomness
import Tensor

/// A graph convolution `A (X W) + b` over batched graphs (Kipf and Welling 2017,
/// <https://arxiv.org/abs/1609.02907>); BRP-NAS stacks these with layer norm and a global node.
///
/// The adjacency is passed in already normalised as the model wants it (for example
/// `GraphBatch.symmetricNormalizedAdjacency()`, or the raw directed adjacency).
public final class GraphConvolution: Layer {
  public let linear: Linear

  /// Creates a layer mapping `inputSize` to `outputSize` node features.
  public init(_ inputSize: Int, _ outputSize: Int, name: String = "graphConvolution", using rng: inout some RandomNumberGenerator) {
    linear = Linear(inputSize, outputSize, bias: false, name: name, using: &rng)
    bias = Parameter(name: "\(name).bias", value: Tensor(zeros: [outputSize]))
  }

  /// `[outputSize]`, added after aggregation.
  public let bias: Parameter

  public var parameters: [Parameter] { linear.parameters + [bias] }

  /// - Parameters:
  ///   - features: `[graphs, nodes, inputSize]`.
  ///   - adjacency: `[graphs, nodes, nodes]`; row i aggregates from the columns it marks.
  /// - Returns: `[graphs, nodes, outputSize]`.
  public func callAsFunction(_ features: Tensor, adjacency: Tensor) -> Tensor {
    Tensor.matmul(adjacency, linear(features)) + bias.value
  }

  /// One node's output only: `(A[:, node, :] X) W + b`, equal (up to rounding) to row `node`
  /// of `callAsFunction(_:adjacency:)`.
  ///
  /// A read-out layer needs just its read-out node; aggregating before the weights costs one
  /// row per graph instead of `nodes` rows.
  ///
  /// - Parameters:
  ///   - features: `[graphs, nodes, inputSize]`.
  ///   - adjacency: `[graphs, nodes, nodes]`.
  ///   - node: The row of the adjacency to aggregate with.
  /// - Returns: `[graphs, outputSize]`.
  public func callAsFunction(_ features: Tensor, adjacency: Tensor, node: Int) -> Tensor {
    let (graphs, width) = (features.shape[0], features.shape[2])
    let row = adjacency.slice(alongAxis: 1, node..<(node + 1))
    return linear(Tensor.matmul(row, features).reshaped([graphs, width])) + bias.value
  }
}
