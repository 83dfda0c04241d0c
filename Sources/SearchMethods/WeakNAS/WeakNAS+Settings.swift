import Models
import SearchSpaces

extension WeakNAS {
  /// WeakNAS's settings (defaults: the published NAS-Bench-201 setting; NAS-Bench-101 uses
  /// `initialSize: 100`).
  public struct Settings: MethodSettings {
    /// Random architectures of the shared initial design before the first predictor.
    public var initialSize = 10
    /// Architectures queried per round.
    public var batchSize = 10
    /// Size of the predicted top from which each round samples.
    public var topK = 100
    /// The MLP, as the decoded settings set it (defaults: `MLPRegressor.Configuration.weakNAS`).
    public var model = MLPRegressor.Configuration.weakNAS
    /// The architecture encoding the MLP reads.
    public var encoding = EncodingKind.oneHot

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      [
        Setting(
          \.initialSize, "initialSize", "random architectures of the shared initial design before the first predictor (100 on NAS-Bench-101)",
          in: 1...1_000_000),
        Setting(\.batchSize, "batchSize", "architectures queried per round", in: 1...1_000_000),
        Setting(\.topK, "topK", "predicted top of the domain each round samples from, at least batchSize", in: 1...10_000_000),
        Setting(
          \.model.hiddenSizes, "hiddenSizes", "MLP hidden layer widths (at most \(ModelSize.maximumWeights) weights in all)",
          elementsIn: 1...8192, count: 1...64, quick: [32, 32]),
        Setting(
          \.model.epochs, "epochs", "maximum MLP training epochs per round; stops earlier on a stale training loss",
          in: 1...100_000, quick: 20),
        Setting(\.model.batchSize, "trainingBatchSize", "MLP mini-batch size; min(trainingBatchSize, n) is used", in: 1...1_000_000, probe: 4),
        Setting(\.model.learningRate, "learningRate", "Adam learning rate", in: .greaterThan(0, atMost: 10)),
        Setting(\.model.l2, "l2", "L2 penalty alpha (scikit-learn's)", in: 0...1_000_000, probe: 1),
        Setting(\.encoding, "encoding", "architecture encoding the MLP reads"),
      ]
    }

    public func validate() throws {
      try require(topK >= batchSize, "topK", topK, expected: "an integer >= batchSize (\(batchSize))")
      try ModelSize.requireBounded(model.hiddenSizes, members: 1, key: "hiddenSizes")
    }
  }

  public static func check(_ settings: Settings, against space: any SearchSpace) throws {
    try settings.encoding.requireProvided(by: space)
  }
}
