import Randomness

/// A self-training regressor in the manner of SemiNAS (Luo et al., NeurIPS 2020,
/// "Semi-Supervised Neural Architecture Search", <https://arxiv.org/abs/2002.10389>, code
/// renqianluo/SemiNAS): a teacher trained on the labelled architectures pseudo-labels
/// `pseudoLabels` unlabelled ones, and a student is trained on the labelled set repeated
/// `upSampling` times plus the pseudo-labelled set; `rounds` > 1 repeats with the student as
/// the next teacher.
///
/// It is the like-for-like rival of `SemiSupervisedAssessor`: same inputs (the same label-free
/// embedding rows), same unlabelled sample size, a different use of the unlabelled data.
///
/// Differences from SemiNAS: SemiNAS's predictor is NAO's LSTM encoder with an MLP head on
/// architecture sequences and the student continues the teacher's weights; here both are
/// `MLPRegressor`s on the embedding, the student from fresh weights. The sample sizes
/// (10,000 pseudo-labels, the labelled set repeated 10 times) are SemiNAS's NAS-Bench-101
/// defaults (`train_seminas.py`: `m`, `up_sample_ratio`).
public final class SelfTrainingRegressor: SemiSupervisedPredictor {
  /// The regressor's settings.
  public struct Configuration: Sendable, Equatable {
    /// Unlabelled architectures pseudo-labelled per round.
    public var pseudoLabels = 10_000
    /// Copies of the labelled set in the student's training set.
    public var upSampling = 10
    /// Pseudo-labelling rounds.
    public var rounds = 1
    /// The teacher's network and training (on the labelled set); the student is the same
    /// network trained for `studentEpochs`.
    public var network = MLPRegressor.Configuration(
      hiddenSizes: [64, 64], epochs: 200, batchSize: 100, learningRate: 1e-3, l2: 1e-4, loss: .meanSquaredError)
    /// The student's epochs on labelled and pseudo-labelled rows.
    public var studentEpochs = 50

    /// The defaults: two hidden layers of 64, Adam 1e-3, L2 1e-4, batches of 100 (SemiNAS's
    /// rate, decay and batch); the teacher 200 epochs, the student 50.
    public init() {}

    /// The student's configuration: the network with `studentEpochs`.
    var student: MLPRegressor.Configuration {
      var student = network
      student.epochs = studentEpochs
      return student
    }
  }

  /// Every pool architecture's input row.
  public let features: EmbeddingFeatures
  /// The architectures pseudo-labels are drawn from (the domain).
  public let candidates: [Int]
  /// The settings.
  public let configuration: Configuration
  public private(set) var unlabelledSample: [Int] = []
  private var model: MLPRegressor?

  /// A regressor on `features`, pseudo-labelling architectures of `candidates`.
  public init(features: EmbeddingFeatures, candidates: [Int], configuration: Configuration = Configuration()) {
    self.features = features
    self.candidates = candidates
    self.configuration = configuration
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "SelfTrainingRegressor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard !poolIndices.isEmpty else { return }
    var teacher = MLPRegressor(features: features, configuration: configuration.network)
    try teacher.fit(poolIndices: poolIndices, targets: targets, using: &rng)
    for _ in 0..<configuration.rounds {
      unlabelledSample = UnlabelledSample.draw(from: candidates, excluding: poolIndices, size: configuration.pseudoLabels, using: &rng)
      let pseudo = teacher.predict(poolIndices: unlabelledSample)
      let copies = max(1, configuration.upSampling)
      let student = MLPRegressor(features: features, configuration: configuration.student)
      try student.fit(
        poolIndices: Array(Array(repeating: poolIndices, count: copies).joined()) + unlabelledSample,
        targets: Array(Array(repeating: targets, count: copies).joined()) + pseudo, using: &rng)
      teacher = student
    }
    model = teacher
  }

  /// The last student's predictions in target units (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    model?.predict(poolIndices: poolIndices) ?? Array(repeating: 0, count: poolIndices.count)
  }
}
