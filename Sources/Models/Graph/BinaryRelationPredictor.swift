import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// BRP-NAS's binary relation predictor: which of two architectures is better, from their GCN
/// embeddings.
///
/// Source: Dudziak, Chau, Abdelfattah, Lee, Kim and Lane, 2020, "BRP-NAS: Prediction-based NAS
/// using GCNs", NeurIPS, <https://arxiv.org/abs/2007.08668> (code: thomasccp/eagle). For a
/// pair (a, b) the head is a linear layer on the concatenated embeddings `[e_a, e_b]`
/// (`[pairs, 2 * hidden]` to `[pairs, 2]` logits); the target is
/// `softmax([scale * y_a, scale * y_b])` of the two signals, the loss the KL divergence from the
/// target to the predicted distribution, over every ordered pair (see `GCNTraining` for how
/// pairs are batched).
///
/// Ranking: the predicted probability that `a` beats `b` is
/// `sigmoid(u·e_a + v·e_b + c)` with `u` and `v` the differences of the head's two output
/// columns, so `a`'s mean win probability against any set of opponents is an increasing
/// function of `u·e_a` alone. `predict` returns `u·e_a`: ranking by it is ranking by mean win
/// probability, computed exactly in one pass over the domain instead of over all pairs.
///
/// Differences from the source: see `GCNTraining` (pair batching, early stopping on the training
/// loss) and `GCNEncoder` (normalised adjacency). The source does not say how the targets are
/// scaled; `targetScale` multiplies the raw signals (1: accuracies in percent as the benchmarks
/// give them, so a one-point gap gives a 73/27 target).
public final class BinaryRelationPredictor: Predictor {
  /// The domain's graphs.
  public let graphs: DomainGraphs
  /// Model and training settings.
  public let training: GCNTraining
  /// Multiplies signals before the target softmax.
  public let targetScale: Float
  private var encoder: GCNEncoder?
  private var head: Linear?
  /// Epochs run by the last `fit`.
  public private(set) var epochsRun = 0

  /// A predictor over `graphs`.
  public init(graphs: DomainGraphs, training: GCNTraining = GCNTraining(), targetScale: Float = 1) {
    self.graphs = graphs
    self.training = training
    self.targetScale = targetScale
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "BinaryRelationPredictor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard poolIndices.count >= 2 else { return }
    let samples = graphs.graphs(of: poolIndices)
    let encoder = training.makeEncoder(vocabularySize: graphs.vocabularySize, using: &rng)
    let head = Linear(2 * training.hiddenSize, 2, name: "relation", using: &rng)
    let parameters = encoder.parameters + head.parameters
    let scaled = targets.map { Float($0) * targetScale }
    epochsRun = training.run(count: samples.count, parameters: parameters, using: &rng) { batch, rng in
      guard batch.count >= 2 else { return nil }
      let input = EncoderInput(batch.map { samples[$0] })
      let embeddings = encoder(features: input.features, adjacency: input.adjacency, mode: .training, using: &rng)
      var (left, right, logTarget) = ([Int](), [Int](), [Float]())
      for i in batch.indices {
        for j in batch.indices where i != j {
          left.append(i)
          right.append(j)
          let (a, b) = (scaled[batch[i]], scaled[batch[j]])
          let top = max(a, b)
          let normalizer = top + logf(expf(a - top) + expf(b - top))
          logTarget += [a - normalizer, b - normalizer]
        }
      }
      let pairs = Tensor.concatenate(
        [embeddings.gathered(atIndices: left), embeddings.gathered(atIndices: right)], alongAxis: 1)
      let logPredicted = head(pairs).logSoftmax()
      return Loss.klDivergence(logP: Tensor(shape: [left.count, 2], scalars: logTarget), logQ: logPredicted)
    }
    self.encoder = encoder
    self.head = head
  }

  /// `u·e_a` per architecture: orders architectures by mean predicted win probability
  /// (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let encoder, let head else { return Array(repeating: 0, count: poolIndices.count) }
    let weight = head.weight.value.scalars  // [2 * hidden, 2]; the first hidden rows read e_a
    let direction = (0..<encoder.embeddingSize).map { weight[2 * $0] - weight[2 * $0 + 1] }
    return GCNTraining.linearScores(graphs.graphs(of: poolIndices), encoder: encoder, weights: direction, bias: 0).map(Double.init)
  }
}
