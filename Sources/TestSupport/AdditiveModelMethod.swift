import Benchmarks
import Models
import Randomness
import SearchMethods
import SearchSpaces

/// A small predictor-based method for tests: an additive model of per-position operation
/// effects (least-squares-free: each effect is the mean target of the architectures that have
/// that operation there, minus the overall mean), and a greedy search that queries the
/// predicted best unqueried architectures. It exercises the predictor seams (`Predictor`,
/// `PredictorProviding`, `Recommending`) without neural networks.
public struct AdditiveModelMethod: PredictorProviding, Recommending {
  public struct Settings: MethodSettings {
    /// Random architectures before the model is used.
    public var initialSize = 5
    /// Architectures per step.
    public var batchSize = 5
    public init() {}
    public static var schema: [Setting<Self>] {
      [
        Setting(\.initialSize, "initialSize", "random architectures before the model is used", in: 1...1_000),
        Setting(\.batchSize, "batchSize", "architectures per step", in: 1...1_000),
      ]
    }
  }

  public static let name = "additive-model"
  public static let abstract = "Test fixture: greedy search with an additive per-position operation model."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let model: AdditivePredictor
  private var started = false

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.model = AdditivePredictor(space: context.space)
  }

  public static func makePredictor(settings: Settings, domain: Domain) -> any Predictor {
    AdditivePredictor(space: domain.space)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    try model.fit(poolIndices: memory.order, targets: memory.order.compactMap { memory[$0] }, using: &rng)
    let candidates = domain.indices.filter { !memory.contains($0) }
    let scores = model.predict(poolIndices: candidates)
    let ranked = candidates.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
    return ranked.prefix(min(count, settings.batchSize)).map { Proposal.poolIndex(candidates[$0]) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { memory.best?.poolIndex }
}

/// Additive per-position operation effects over `Architecture.operations`.
public final class AdditivePredictor: Predictor {
  private let space: any SearchSpace
  private var effects: [[Double]] = []
  private var mean = 0.0

  public init(space: any SearchSpace) {
    self.space = space
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    mean = targets.reduce(0, +) / Double(max(1, targets.count))
    let ops = poolIndices.map { space.architecture(at: $0).operations }
    let positions = ops.first?.count ?? 0
    let labels = space.operationNames.count
    var sums = [[Double]](repeating: [Double](repeating: 0, count: labels), count: positions)
    var counts = sums
    for (architecture, target) in zip(ops, targets) {
      for (position, op) in architecture.enumerated() {
        sums[position][Int(op)] += target - mean
        counts[position][Int(op)] += 1
      }
    }
    effects = zip(sums, counts).map { zip($0, $1).map { $1 > 0 ? $0 / $1 : 0 } }
  }

  public func predict(poolIndices: [Int]) -> [Double] {
    poolIndices.map { index in
      space.architecture(at: index).operations.enumerated().reduce(mean) { total, item in
        item.offset < effects.count ? total + effects[item.offset][Int(item.element)] : total
      }
    }
  }
}
