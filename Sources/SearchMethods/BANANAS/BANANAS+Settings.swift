import Models
import SearchSpaces

extension BANANAS {
  /// Which encoding BANANAS's MLPs read.
  public enum EncodingChoice: String, Sendable, Hashable, Codable, CaseIterable, SettingChoice {
    /// The path encoding, or one-hot on spaces without it.
    case automatic = "auto"
    /// The path encoding (the paper's).
    case path
    /// One-hot operations (plus adjacency bits where the topology varies).
    case oneHot = "one-hot"
  }

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
    /// Each ensemble member, as the decoded settings set it (defaults:
    /// `MLPRegressor.Configuration.bananas`).
    public var model = MLPRegressor.Configuration.bananas
    /// The encoding.
    public var encoding = EncodingChoice.automatic

    /// The defaults.
    public init() {}

    /// Hidden layers per MLP (all of width `layerWidth`).
    public var hiddenLayers: Int {
      get { model.hiddenSizes.count }
      set { model.hiddenSizes = Array(repeating: layerWidth, count: newValue) }
    }

    /// Width of every hidden layer.
    public var layerWidth: Int {
      get { model.hiddenSizes.first ?? 0 }
      set { model.hiddenSizes = Array(repeating: newValue, count: hiddenLayers) }
    }

    public static var schema: [Setting<Self>] {
      [
        Setting(
          \.initialSize, "initialSize", "random architectures of the shared initial design before the first ensemble",
          in: 1...1_000_000),
        Setting(\.batchSize, "batchSize", "architectures queried per round", in: 1...1_000_000),
        Setting(
          \.candidateCount, "candidateCount", "candidates made by mutating the best architectures each round, at least batchSize",
          in: 1...1_000_000, quick: 40),
        Setting(
          \.parentsToMutate, "parentsToMutate", "best architectures mutated to make candidates (up to 5x as many when neighbourhoods run out)",
          in: 1...1_000_000),
        Setting(\.ensembleSize, "ensembleSize", "MLPs in the ensemble", in: 1...100, quick: 2),
        Setting(\.hiddenLayers, "hiddenLayers", "hidden layers per MLP", in: 1...64, quick: 2),
        Setting(\.layerWidth, "layerWidth", "units per hidden layer", in: 1...8192, quick: 16),
        Setting(\.model.epochs, "epochs", "training epochs per round", in: 1...100_000, quick: 20),
        Setting(\.model.batchSize, "trainingBatchSize", "mini-batch size", in: 1...1_000_000, probe: 4),
        Setting(\.model.learningRate, "learningRate", "Adam learning rate (beta2 0.99)", in: .greaterThan(0, atMost: 10)),
        Setting(
          \.encoding, "encoding", "auto (path, or one-hot where the space has no path encoding), path or one-hot",
          probe: .oneHot),
      ]
    }

    public func validate() throws {
      try require(candidateCount >= batchSize, "candidateCount", candidateCount, expected: "an integer >= batchSize (\(batchSize))")
      try ModelSize.requireBounded(model.hiddenSizes, members: ensembleSize, key: "layerWidth")
    }

    /// The encoding used on `space`.
    ///
    /// - Throws: when `encoding` names one the space does not provide.
    public func encoding(for space: any SearchSpace) throws -> EncodingKind {
      switch encoding {
      case .automatic: return space.encodings.contains(.path) ? .path : .oneHot
      case .path:
        try EncodingKind.path.requireProvided(by: space)
        return .path
      case .oneHot:
        try EncodingKind.oneHot.requireProvided(by: space)
        return .oneHot
      }
    }
  }

  public static func check(_ settings: Settings, against space: any SearchSpace) throws {
    _ = try settings.encoding(for: space)
  }
}
