import Models
import SearchSpaces

extension BANANAS {
  /// BANANAS's settings (defaults: the published ones, naszilla's `standard` meta neural net).
  public struct Settings: MethodSettings {
    /// Random architectures of the shared initial design before the first ensemble.
    public var initialSize = 10
    /// Architectures queried per round (naszilla's `k`).
    public var batchSize = 10
    /// Candidates made by mutation each round.
    public var candidateCount = 100
    /// Best architectures whose mutations make the candidates (naszilla's `num_arches_to_mutate`);
    /// up to 5 times as many are used when their neighbourhoods run out.
    public var parentsToMutate = 1
    /// MLPs in the ensemble.
    public var ensembleSize = 5
    /// Hidden layers per MLP.
    public var hiddenLayers = 10
    /// Width of every hidden layer.
    public var layerWidth = 20
    /// Training epochs per round.
    public var epochs = 150
    /// Mini-batch size.
    public var trainingBatchSize = 32
    /// Adam learning rate (beta2 0.99).
    public var learningRate = 0.01
    /// The encoding; `nil` means the path encoding, or one-hot for spaces without it.
    public var encoding: EncodingKind?

    /// The defaults.
    public init() {}

    /// The configuration of each ensemble member.
    public var configuration: MLPRegressor.Configuration {
      var configuration = MLPRegressor.Configuration.bananas
      configuration.hiddenSizes = Array(repeating: layerWidth, count: hiddenLayers)
      configuration.epochs = epochs
      configuration.batchSize = trainingBatchSize
      configuration.learningRate = Float(learningRate)
      return configuration
    }

    /// The encoding used on `space`.
    ///
    /// - Throws: when `encoding` was set to one the space does not provide.
    public func encoding(for space: any SearchSpace) throws -> EncodingKind {
      if let encoding {
        try encoding.requireProvided(by: space)
        return encoding
      }
      return space.encodings.contains(.path) ? .path : .oneHot
    }

    public static var help: [SettingHelp] {
      [
        SettingHelp("initialSize", "random architectures of the shared initial design before the first ensemble, >= 1 (10)"),
        SettingHelp("batchSize", "architectures queried per round, >= 1 (10)"),
        SettingHelp("candidateCount", "candidates made by mutating the best architectures each round, >= batchSize (100)"),
        SettingHelp("parentsToMutate", "best architectures mutated to make candidates, >= 1 (1; up to 5x as many when neighbourhoods run out)"),
        SettingHelp("ensembleSize", "MLPs in the ensemble, >= 1 (5)"),
        SettingHelp("hiddenLayers", "hidden layers per MLP, >= 1 (10)"),
        SettingHelp("layerWidth", "units per hidden layer, >= 1 (20)"),
        SettingHelp("epochs", "training epochs per round, >= 1 (150)"),
        SettingHelp("trainingBatchSize", "mini-batch size, >= 1 (32)"),
        SettingHelp("learningRate", "Adam learning rate, > 0 (0.01)"),
        SettingHelp("encoding", "path or one-hot (default: path, or one-hot where the space has no path encoding)"),
      ]
    }

    public func validate() throws {
      try requirePositive(initialSize, "initialSize")
      try requirePositive(batchSize, "batchSize")
      try require(candidateCount >= batchSize, "candidateCount", candidateCount, expected: "an integer >= batchSize (\(batchSize))")
      try requirePositive(parentsToMutate, "parentsToMutate")
      try requirePositive(ensembleSize, "ensembleSize")
      try requirePositive(hiddenLayers, "hiddenLayers")
      try requirePositive(layerWidth, "layerWidth")
      try requirePositive(epochs, "epochs")
      try requirePositive(trainingBatchSize, "trainingBatchSize")
      try require(learningRate > 0, "learningRate", learningRate, expected: "a number > 0")
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
      case initialSize, batchSize, candidateCount, parentsToMutate, ensembleSize, hiddenLayers, layerWidth, epochs
      case trainingBatchSize, learningRate, encoding
    }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self.init()
      initialSize = try container.decode(.initialSize, default: initialSize)
      batchSize = try container.decode(.batchSize, default: batchSize)
      candidateCount = try container.decode(.candidateCount, default: candidateCount)
      parentsToMutate = try container.decode(.parentsToMutate, default: parentsToMutate)
      ensembleSize = try container.decode(.ensembleSize, default: ensembleSize)
      hiddenLayers = try container.decode(.hiddenLayers, default: hiddenLayers)
      layerWidth = try container.decode(.layerWidth, default: layerWidth)
      epochs = try container.decode(.epochs, default: epochs)
      trainingBatchSize = try container.decode(.trainingBatchSize, default: trainingBatchSize)
      learningRate = try container.decode(.learningRate, default: learningRate)
      encoding = try container.decodeIfPresent(EncodingKind.self, forKey: .encoding)
    }
  }
}
