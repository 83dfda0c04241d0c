import Randomness
import SearchSpaces

/// Random search: uniform sampling without replacement over the domain.
///
/// It reads the trial's shared initial design, so its first k queries are the initial sample
/// of every other method in the same trial (a paired design), and its curve has an exact
/// expectation (order statistics of sampling without replacement) that the tests check.
/// Source: Li and Talwalkar, "Random search and reproducibility for neural architecture
/// search", UAI 2019 (<https://arxiv.org/abs/1902.07638>).
public struct RandomSearch: SearchMethod {
  /// Random search's settings.
  public struct Settings: MethodSettings {
    /// Architectures proposed per step. It does not change which architectures are queried,
    /// only how often the harness flushes the log.
    public var batchSize = 10

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      [
        Setting(
          \.batchSize, "batchSize", "architectures proposed per ask/tell step", in: 1...100_000,
          sameTrajectory: "the queries are the initial design's order whatever the batch; only log flushes change")
      ]
    }
  }

  public static let name = "random-search"
  public static let abstract = "Uniform sampling without replacement over the domain (Li and Talwalkar 2019)."

  private let settings: Settings
  private var design: InitialDesign

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.design = context.initialDesign
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) -> [Proposal] {
    design.proposals(min(count, settings.batchSize))
  }

  public mutating func tell(_ observations: [Observation]) {}
}

extension RandomSearch.Settings {
  private enum CodingKeys: String, CodingKey, CaseIterable { case batchSize }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    batchSize = try container.decode(.batchSize, default: batchSize)
  }
}
