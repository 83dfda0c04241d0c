import Benchmarks
import NeuralNetworks
import Randomness
import Tensor

/// BRP-NAS's unary predictor: a GCN embedding and a linear layer regressing the signal,
/// trained with the L1 loss.
///
/// Source: Dudziak, Chau, Abdelfattah, Lee, Kim and Lane, 2020, "BRP-NAS: Prediction-based NAS
/// using GCNs", NeurIPS, <https://arxiv.org/abs/2007.08668> (the unary accuracy predictor the
/// binary relation predictor is compared with). Maps a batch of graphs to `[graphs, 1]`.
///
/// Differences from the source: targets are z-scored over the training set (`TargetScaling`)
/// and predictions returned in target units; see `GCNTraining` and `GCNEncoder` for the
/// shared differences.
public final class GCNRegressor: Predictor {
  /// The domain's graphs.
  public let graphs: DomainGraphs
  /// Model and training settings.
  public let training: GCNTraining
  private var encoder: GCNEncoder?
  private var head: Linear?
  private var scaling = TargetScaling([])
  /// Epochs run by the last `fit`.
  public private(set) var epochsRun = 0

  /// A regressor over `graphs`.
  public init(graphs: DomainGraphs, training: GCNTraining = GCNTraining()) {
    self.graphs = graphs
    self.training = training
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "GCNRegressor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard !poolIndices.isEmpty else { return }
    let samples = graphs.graphs(of: poolIndices)
    scaling = TargetScaling(targets)
    let y = scaling.standardized(targets)
    let encoder = GCNEncoder(
      inputSize: graphs.vocabularySize + 1, hiddenSize: training.hiddenSize, layers: training.layers, dropout: training.dropout,
      using: &rng)
    let head = Linear(training.hiddenSize, 1, name: "regression", using: &rng)
    let parameters = encoder.parameters + head.parameters
    let optimizer = training.optimizer(count: samples.count)
    epochsRun = training.run(count: samples.count, using: &rng) { batch, rng in
      let input = EncoderInput(batch.map { samples[$0] })
      let embeddings = encoder(features: input.features, adjacency: input.adjacency, mode: .training, using: &rng)
      let target = Tensor(shape: [batch.count, 1], scalars: batch.map { y[$0] })
      let loss = Loss.meanAbsoluteError(head(embeddings), target)
      loss.backward()
      optimizer.step(parameters)
      return loss.scalar
    }
    self.encoder = encoder
    self.head = head
  }

  /// Predicted signals (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let encoder, let head else { return Array(repeating: 0, count: poolIndices.count) }
    let width = encoder.embeddingSize
    let weight = head.weight.value.scalars
    let bias = head.bias?.value.scalars.first ?? 0
    let embeddings = GCNTraining.embed(graphs.graphs(of: poolIndices), with: encoder)
    return poolIndices.indices.map { row in
      var value = bias
      for j in 0..<width { value += weight[j] * embeddings[row * width + j] }
      return scaling.restored(value)
    }
  }
}
