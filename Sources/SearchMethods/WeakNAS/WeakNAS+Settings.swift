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
    /// Hidden layer widths of the MLP.
    public var hiddenSizes = [1000, 1000, 1000, 1000]
    /// Maximum training epochs per round (scikit-learn's stopping rule may stop earlier).
    public var epochs = 100
    /// Mini-batch size (min(trainingBatchSize, n) is used).
    public var trainingBatchSize = 200
    /// Adam learning rate.
    public var learningRate = 1e-3
    /// L2 penalty (scikit-learn's `alpha`).
    public var l2 = 1e-4
    /// The architecture encoding the MLP reads.
    public var encoding = EncodingKind.oneHot

    /// The defaults.
    public init() {}

    /// The MLP configuration these settings describe.
    public var configuration: MLPRegressor.Configuration {
      var configuration = MLPRegressor.Configuration.weakNAS
      configuration.hiddenSizes = hiddenSizes
      configuration.epochs = epochs
      configuration.batchSize = trainingBatchSize
      configuration.learningRate = Float(learningRate)
      configuration.l2 = Float(l2)
      return configuration
    }

    public static var help: [SettingHelp] {
      [
        SettingHelp("initialSize", "random architectures of the shared initial design before the first predictor, >= 1 (10; 100 on NAS-Bench-101)"),
        SettingHelp("batchSize", "architectures queried per round, >= 1 (10)"),
        SettingHelp("topK", "predicted top of the domain each round samples from, >= batchSize (100)"),
        SettingHelp("hiddenSizes", "MLP hidden layer widths, each >= 1 ([1000, 1000, 1000, 1000])"),
        SettingHelp("epochs", "maximum MLP training epochs per round, >= 1 (100; stops earlier on a stale training loss)"),
        SettingHelp("trainingBatchSize", "MLP mini-batch size, >= 1 (200; min(200, n) is used)"),
        SettingHelp("learningRate", "Adam learning rate, > 0 (0.001)"),
        SettingHelp("l2", "L2 penalty alpha, >= 0 (0.0001)"),
        SettingHelp("encoding", "architecture encoding: one-hot or path (one-hot)"),
      ]
    }

    public func validate() throws {
      try requirePositive(initialSize, "initialSize")
      try requirePositive(batchSize, "batchSize")
      try require(topK >= batchSize, "topK", topK, expected: "an integer >= batchSize (\(batchSize))")
      try require(!hiddenSizes.isEmpty && hiddenSizes.allSatisfy { $0 >= 1 }, "hiddenSizes", "\(hiddenSizes)", expected: "a non-empty list of integers >= 1")
      try requirePositive(epochs, "epochs")
      try requirePositive(trainingBatchSize, "trainingBatchSize")
      try require(learningRate > 0, "learningRate", learningRate, expected: "a number > 0")
      try require(l2 >= 0, "l2", l2, expected: "a number >= 0")
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
      case initialSize, batchSize, topK, hiddenSizes, epochs, trainingBatchSize, learningRate, l2, encoding
    }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self.init()
      initialSize = try container.decode(.initialSize, default: initialSize)
      batchSize = try container.decode(.batchSize, default: batchSize)
      topK = try container.decode(.topK, default: topK)
      hiddenSizes = try container.decode(.hiddenSizes, default: hiddenSizes)
      epochs = try container.decode(.epochs, default: epochs)
      trainingBatchSize = try container.decode(.trainingBatchSize, default: trainingBatchSize)
      learningRate = try container.decode(.learningRate, default: learningRate)
      l2 = try container.decode(.l2, default: l2)
      encoding = try container.decode(.encoding, default: encoding)
    }
  }
}

extension EncodingKind {
  /// Throws unless `space` provides this encoding (a method's `init` checks its encoding).
  func requireProvided(by space: any SearchSpace, key: String = "encoding") throws {
    guard space.encodings.contains(self) else {
      throw MethodSettingsError.invalidValue(
        key: key, value: rawValue,
        expected: "an encoding that \(space.name) provides (\(space.encodings.map(\.rawValue).joined(separator: ", ")))", path: [key])
    }
  }
}
