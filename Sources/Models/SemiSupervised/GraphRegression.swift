import NeuralNetworks
import Randomness
import Tensor

/// A two-layer graph convolutional regressor over one relation graph, trained transductively
/// (Kipf and Welling 2017, <https://arxiv.org/abs/1609.02907>): every node's features enter,
/// only labelled nodes' outputs enter the loss.
///
/// `output = P (dropout(relu(P dropout(X) W1 + b1)) W2) + b2` with `P` the graph's
/// `propagation` (Kipf and Welling's layer: aggregate, transform, then the bias; the first
/// layer aggregates the narrow inputs, before `W1`, which is the same product and a quarter of
/// the work at 16 inputs and 64 hidden); loss = mean squared error on the labelled nodes plus, when `smoothness > 0`,
/// `smoothness x f^T L f / n` with `L = D_W - W` the graph Laplacian of the kernel weights (the
/// classic graph-regularisation term of semi-supervised learning). Full-batch Adam with
/// coupled weight decay on every parameter.
public final class GraphRegression {
  /// Shape and training.
  public struct Configuration: Sendable, Hashable {
    /// Width of the hidden graph convolution.
    public var hiddenSize = 64
    /// Full-batch training epochs (one Adam step each).
    public var epochs = 200
    /// Adam's learning rate.
    public var learningRate: Float = 0.01
    /// Coupled L2 weight decay.
    public var weightDecay: Float = 5e-4
    /// Dropout on the input features and the hidden layer during training.
    public var dropout: Float = 0.5
    /// Weight of the Laplacian smoothness term (0: off).
    public var smoothness: Float = 0

    /// Kipf and Welling's training settings (learning rate, decay, dropout, epochs) with a
    /// hidden width of 64.
    public init() {}
  }

  /// What a trained model keeps for prediction, in eval mode (no dropout).
  public struct Fitted: Sendable {
    /// Each node's output (the prediction in training units).
    public let outputs: [Float]
    /// Each node's first-layer rows before aggregation, `X W1`, `[n, hidden]`.
    public let firstLayer: [Float]
    /// Each node's second-layer value before aggregation, `H W2`.
    public let secondLayer: [Float]
    /// The first layer's weight `[width, hidden]` and bias.
    public let weight1: [Float], bias1: [Float]
    /// The second layer's weight `[hidden]` and bias.
    public let weight2: [Float], bias2: Float
  }

  /// Trains on `graph` with node features `features` (`[n, width]`) and targets for the nodes
  /// `labelled` (positions, with `targets` in the same order); returns the fitted model.
  public static func fit(
    graph: RelationGraph, features: [Float], width: Int, labelled: [Int], targets: [Float], configuration: Configuration,
    using rng: inout SeededGenerator
  ) -> Fitted {
    let n = graph.nodeCount
    precondition(features.count == n * width, "GraphRegression: \(features.count) features for \(n) nodes of width \(width)")
    precondition(labelled.count == targets.count, "GraphRegression: \(labelled.count) labelled nodes, \(targets.count) targets")
    let first = Linear(width, configuration.hiddenSize, bias: false, name: "gcn1", using: &rng)
    let firstBias = Parameter(name: "gcn1.bias", value: Tensor(zeros: [configuration.hiddenSize]))
    let second = Linear(configuration.hiddenSize, 1, bias: false, name: "gcn2", using: &rng)
    let secondBias = Parameter(name: "gcn2.bias", value: Tensor(zeros: [1]))
    let parameters = first.parameters + [firstBias] + second.parameters + [secondBias]
    let dropout = Dropout(probability: configuration.dropout)
    let x = Tensor(shape: [n, width], scalars: features)
    let target = Tensor(shape: [labelled.count, 1], scalars: targets)
    let degreesOfW = Tensor(shape: [n, 1], scalars: graph.degrees.map { $0 - 1 })
    let optimizer = Optimizer(Adam(weightDecay: .coupled(configuration.weightDecay)), learningRate: configuration.learningRate)
    let loop = TrainingLoop(epochs: configuration.epochs, batchSize: 1, shuffles: false)
    _ = loop.run(exampleCount: labelled.isEmpty ? 0 : 1, parameters: parameters, optimizer: optimizer, using: &rng) { _, rng in
      let aggregated = Tensor.sparseProduct(graph.propagation, dropout(x, mode: .training, using: &rng))
      let hidden = Tensor.affine(aggregated, weight: first.weight.value, bias: firstBias.value, activation: .relu)
      let output = Tensor.sparseProduct(graph.propagation, second(dropout(hidden, mode: .training, using: &rng))) + secondBias.value
      var loss = Loss.meanSquaredError(output.gathered(atIndices: labelled), target)
      if configuration.smoothness > 0 {
        let laplacian = degreesOfW * output - Tensor.sparseProduct(graph.weights, output)
        loss = loss + (output * laplacian).sum() * (configuration.smoothness / Float(n))
      }
      return BatchLoss(loss)
    }
    return withoutGradients {
      let firstRows = first(x)
      let hidden = Tensor.affine(Tensor.sparseProduct(graph.propagation, x), weight: first.weight.value, bias: firstBias.value, activation: .relu)
      let secondRows = second(hidden)
      let output = Tensor.sparseProduct(graph.propagation, secondRows) + secondBias.value
      return Fitted(
        outputs: output.scalars, firstLayer: firstRows.scalars, secondLayer: secondRows.scalars, weight1: first.weight.value.scalars,
        bias1: firstBias.value.scalars, weight2: second.weight.value.scalars, bias2: secondBias.value.scalars[0])
    }
  }
}

extension GraphRegression.Fitted {
  /// The output of a node outside the graph with features `row`, joined to graph nodes
  /// `neighbours` with kernel weights `weights` and the graph's `degrees`: the same two
  /// convolutions with the new node's own row of the propagation, the graph nodes' layer
  /// values left as they are (the new node does not change them).
  public func inductiveOutput(row: [Float], neighbours: [Int], weights: [Float], degrees: [Float]) -> Float {
    let hiddenSize = bias1.count
    let width = row.count
    let degree = 1 + weights.reduce(0, +)
    // The new node's first-layer row x W1, then its propagation row over itself and its neighbours.
    var own = [Float](repeating: 0, count: hiddenSize)
    for j in 0..<width where row[j] != 0 {
      for h in 0..<hiddenSize { own[h] += row[j] * weight1[j * hiddenSize + h] }
    }
    var hidden = own.map { $0 / degree }
    let factors = zip(neighbours, weights).map { neighbour, w in w / (degree * degrees[neighbour]).squareRoot() }
    for (neighbour, factor) in zip(neighbours, factors) {
      for h in 0..<hiddenSize { hidden[h] += factor * firstLayer[neighbour * hiddenSize + h] }
    }
    var ownSecond: Float = 0
    for h in 0..<hiddenSize { ownSecond += max(0, hidden[h] + bias1[h]) * weight2[h] }
    var output = ownSecond / degree + bias2
    for (neighbour, factor) in zip(neighbours, factors) { output += factor * secondLayer[neighbour] }
    return output
  }
}
