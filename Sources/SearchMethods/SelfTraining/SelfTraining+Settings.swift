import Models
import SearchSpaces

extension SelfTraining {
  /// self-training's settings (defaults: `SelfTrainingRegressor.Configuration`).
  public struct Settings: Arch2VecEncoded {
    /// arch2vec's VAE (the pretraining key; shared with arch2vec-bo and semi-assessor when equal).
    public var encoder = Arch2VecEncoderSettings()
    /// Architectures from the shared initial design.
    public var initialSize = 10
    /// Best-predicted architectures of the pseudo-labelled sample queried per round.
    public var batchSize = 10
    /// The teacher, the student and the pseudo-labelling.
    public var model = SelfTrainingRegressor.Configuration()

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      let own: [Setting<Self>] = [
        Setting(\.initialSize, "initialSize", "architectures from the shared initial design", in: 1...1_000_000),
        Setting(
          \.batchSize, "batchSize", "best-predicted unqueried architectures of the pseudo-labelled sample queried per round", in: 1...1_000_000),
        Setting(
          \.model.pseudoLabels, "pseudoLabels", "unqueried domain architectures pseudo-labelled each round (SemiNAS's m)", in: 1...10_000_000,
          quick: 50),
        Setting(
          \.model.upSampling, "upSampling", "copies of the labelled set in the student's training set (SemiNAS's up_sample_ratio)", in: 1...10_000),
        Setting(\.model.rounds, "rounds", "pseudo-labelling rounds per fit (the student becomes the next teacher)", in: 1...100),
        Setting(
          \.model.network.hiddenSizes, "hiddenSizes", "hidden layer widths of the teacher and the student MLPs", elementsIn: 1...8192, count: 1...64,
          quick: [16]),
        Setting(\.model.network.epochs, "teacherEpochs", "teacher training epochs on the labelled set", in: 1...100_000, quick: 20),
        Setting(\.model.studentEpochs, "studentEpochs", "student training epochs on labelled and pseudo-labelled rows", in: 1...100_000, quick: 3),
        Setting(\.model.network.learningRate, "learningRate", "Adam learning rate of both MLPs", in: .greaterThan(0, atMost: 10)),
        Setting(\.model.network.l2, "l2", "L2 penalty of both MLPs (scikit-learn's alpha)", in: 0...1_000_000, probe: 1),
        Setting(\.model.network.batchSize, "trainingBatchSize", "mini-batch size of both MLPs", in: 1...1_000_000, probe: 4),
      ]
      return Arch2VecEncoderSettings.schema(\.encoder) + own
    }

    public func validate() throws {
      try ModelSize.requireBounded(model.network.hiddenSizes, members: 1, key: "hiddenSizes")
    }
  }
}
