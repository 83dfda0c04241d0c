import Randomness
import Tensor

/// A graph isomorphism network layer `MLP((1 + ε) h + Σ_neighbours h)` with a learnable ε and
/// a two-layer MLP with batch norm (Xu et al. 2019, "How Powerful are Graph Neural
/// Networks?", <https://arxiv.org/abs/1810.00826>; the arch2vec encoder uses it).
public final class GINLayer: Layer {
  /// `[1]`, initialised to 0.
  public let epsilon: Parameter
  public let first: Linear
  public let norm: BatchNorm
  public let second: Linear

  /// Creates a layer mapping `inputSize` to `outputSize` node features via `hiddenSize`.
  public init(_ inputSize: Int, hiddenSize: Int, _ outputSize: Int, name: String = "gin", using rng: inout some RandomNumberGenerator) {
    epsilon = Parameter(name: "\(name).epsilon", value: Tensor(zeros: [1]))
    first = Linear(inputSize, hiddenSize, initialization: .heUniform, name: "\(name).first", using: &rng)
    norm = BatchNorm(features: hiddenSize, name: "\(name).norm")
    second = Linear(hiddenSize, outputSize, initialization: .heUniform, name: "\(name).second", using: &rng)
  }

  public var parameters: [Parameter] { [epsilon] + first.parameters + norm.parameters + second.parameters }

  public var buffers: [LayerBuffer] { norm.buffers }

  /// - Parameters:
  ///   - h: `[graphs, nodes, inputSize]`.
  ///   - adjacency: `[graphs, nodes, nodes]`.
  ///   - mode: Selects batch or running statistics in the batch norm.
  /// - Returns: `[graphs, nodes, outputSize]`.
  public func callAsFunction(_ h: Tensor, adjacency: Tensor, mode: Mode) -> Tensor {
    let aggregated = Tensor.ginAggregation(h, adjacency: adjacency, epsilon: epsilon.value)
    return second(norm(first(aggregated), mode: mode, activation: .relu))
  }
}
