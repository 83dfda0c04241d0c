extension RegularizedEvolution {
  /// Regularized evolution's settings (defaults: naszilla's NAS-Bench-201 setting).
  public struct Settings: MethodSettings {
    /// Population size P (30 in naszilla; 100 for NAS-Bench-101 in nas_benchmarks).
    public var populationSize = 30
    /// Tournament size S.
    public var sampleSize = 10
    /// Random architectures before evolution starts (the initial population); the population
    /// size when the suite leaves it out.
    public var initialSize = 30
    /// Mutations drawn per parent before one of its acceptable neighbours is taken directly.
    public var mutationAttempts = 100

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      [
        Setting(\.populationSize, "populationSize", "population size P; the oldest member is removed beyond it", in: 1...1_000_000),
        Setting(\.sampleSize, "sampleSize", "tournament size S, at most populationSize", in: 1...1_000_000, probe: 2),
        Setting(
          \.initialSize, "initialSize", "random architectures of the shared initial design before evolving (default: populationSize)",
          in: 1...1_000_000, whenAbsent: \.populationSize),
        Setting(
          \.mutationAttempts, "mutationAttempts",
          "random mutations drawn per parent before one of its unqueried labelled neighbours is taken directly", in: 1...1_000_000,
          probe: 1),
      ]
    }

    public func validate() throws {
      try require(
        sampleSize <= populationSize, "sampleSize", sampleSize, expected: "an integer in 1...populationSize (\(populationSize))")
    }
  }
}
