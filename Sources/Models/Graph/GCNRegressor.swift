import NeuralNetworks
import Randomness
import SearchSpaces
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
    let encoder = training.makeEncoder(vocabularySize: graphs.vocabularySize, using: &rng)
    let head = Linear(training.hiddenSize, 1, name: "regression", using: &rng)
    let parameters = encoder.parameters + head.parameters
    epochsRun = training.run(count: samples.count, parameters: parameters, using: &rng) { batch, rng in
      let input = EncoderInput(batch.map { samples[$0] })
      let embeddings = encoder(features: input.features, adjacency: input.adjacency, mode: .training, using: &rng)
      let target = Tensor(shape: [batch.count, 1], scalars: batch.map { y[$0] })
      return Loss.meanAbsoluteError(head(embeddings), target)
    }
    self.encoder = encoder
    self.head = head
  }

  /// Predicted signals (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let encoder, let head else { return Array(repeating: 0, count: poolIndices.count) }
    let scores = GCNTraining.linearScores(
      graphs.graphs(of: poolIndices), encoder: encoder, weights: head.weight.value.scalars, bias: head.bias?.value.scalars.first ?? 0)
    return scores.map(scaling.restored)
  }
}
