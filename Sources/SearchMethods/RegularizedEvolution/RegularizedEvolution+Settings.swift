extension RegularizedEvolution {
  /// Regularized evolution's settings (defaults: naszilla's NAS-Bench-201 setting).
  public struct Settings: MethodSettings {
    /// Population size P (30 in naszilla; 100 for NAS-Bench-101 in nas_benchmarks).
    public var populationSize = 30
    /// Tournament size S.
    public var sampleSize = 10
    /// Random architectures before evolution starts (the initial population).
    public var initialSize = 30
    /// Mutations drawn per parent before one of its acceptable neighbours is taken directly.
    public var mutationAttempts = 100

    /// The defaults.
    public init() {}

    public static var help: [SettingHelp] {
      [
        SettingHelp("populationSize", "population size P, >= 1 (oldest member removed beyond it)"),
        SettingHelp("sampleSize", "tournament size S, 1...populationSize"),
        SettingHelp("initialSize", "random architectures of the shared initial design before evolving, >= 1"),
        SettingHelp("mutationAttempts", "random mutations drawn per parent before one of its unqueried labelled neighbours is taken directly, >= 1"),
      ]
    }

    public func validate() throws {
      try requirePositive(populationSize, "populationSize")
      try require(sampleSize >= 1 && sampleSize <= populationSize, "sampleSize", sampleSize, expected: "an integer in 1...populationSize (\(populationSize))")
      try requirePositive(initialSize, "initialSize")
      try requirePositive(mutationAttempts, "mutationAttempts")
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
      case populationSize, sampleSize, initialSize, mutationAttempts
    }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self.init()
      populationSize = try container.decode(.populationSize, default: populationSize)
      sampleSize = try container.decode(.sampleSize, default: sampleSize)
      initialSize = try container.decode(.initialSize, default: populationSize)
      mutationAttempts = try container.decode(.mutationAttempts, default: mutationAttempts)
    }
  }
}
