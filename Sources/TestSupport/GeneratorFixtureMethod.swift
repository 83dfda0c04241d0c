import Randomness
import SearchMethods
import SearchSpaces

/// A generator for tests: it builds cells from random token rows of the space's
/// `TokenLayout`, without knowing the concrete space, and proposes every cell it generates,
/// so the oracle sees invalid cells, valid cells outside the pool, pool cells outside the
/// domain and repeats, and the harness logs a generation report per step.
///
/// Each step generates `cellsPerStep` uniformly random token rows, plus one deliberately
/// invalid cell (an operation list one position short) and, once something has been queried,
/// one repeat of the first queried architecture. It reports what it generated through
/// `GenerationReporting`, token counts included, with two series in place of training losses
/// (it trains nothing): `valid fraction` and `in-domain fraction`, the running share of the
/// step's cells so far that are valid and that are queryable, one value per generated cell.
public struct GeneratorFixtureMethod: SearchMethod, GenerationReporting {
  /// The fixture's settings.
  public struct Settings: MethodSettings {
    /// Random token rows generated (and proposed) per step.
    public var cellsPerStep = 6
    public init() {}
    public static var schema: [Setting<Self>] {
      [Setting(\.cellsPerStep, "cellsPerStep", "random token rows generated and proposed per step", in: 1...1_000)]
    }
  }

  public static let name = "fixture-generator"
  public static let abstract = "Test fixture: proposes random token rows, an invalid cell and a repeat every step."

  private let settings: Settings
  private let domain: Domain
  private let layout: TokenLayout
  private var memory = ObservationMemory()
  private var lastReport: GenerationReport?

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.layout = context.space.tokenLayout
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    var generated: [Architecture] = []
    for _ in 0..<settings.cellsPerStep {
      let tokens = layout.positions.map { rng.nextInt(below: $0.vocabularySize) }
      guard let architecture = layout.architecture(from: tokens) else {
        preconditionFailure("tokens drawn inside every vocabulary must decode")
      }
      generated.append(architecture)
    }
    var invalid = domain.space.architecture(at: 0)
    invalid.operations.removeLast()
    generated.append(invalid)
    if let first = memory.order.first { generated.append(domain.space.architecture(at: first)) }
    lastReport = GenerationReport(
      generated: generated, domain: domain, queried: Set(memory.order), countingTokens: true, lossCurves: runningShares(of: generated))
    return generated.map { Proposal.architecture($0) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func generationReport() -> GenerationReport? { lastReport }

  /// The running shares of `cells` that are valid and that are in the domain.
  private func runningShares(of cells: [Architecture]) -> [LossCurve] {
    var valid = 0
    var inDomain = 0
    var validShares: [Double] = []
    var inDomainShares: [Double] = []
    for (offset, cell) in cells.enumerated() {
      switch domain.space.status(of: cell) {
      case .invalid: break
      case .notInPool: valid += 1
      case .pool(let index):
        valid += 1
        if domain.contains(index) { inDomain += 1 }
      }
      validShares.append(Double(valid) / Double(offset + 1))
      inDomainShares.append(Double(inDomain) / Double(offset + 1))
    }
    return [LossCurve(name: "valid fraction", values: validShares), LossCurve(name: "in-domain fraction", values: inDomainShares)]
  }
}
