import Models
import Randomness
import SearchSpaces

/// BANANAS: Bayesian optimisation with an ensemble of neural predictors on the path encoding.
///
/// Source: White, Neiswanger and Savani, 2021, "BANANAS: Bayesian Optimization with Neural
/// Architectures for Neural Architecture Search", AAAI, <https://arxiv.org/abs/1910.11858>
/// (code: naszilla/naszilla, naszilla/bananas). The first `initialSize` architectures come from
/// the shared initial design; each round trains an ensemble of `ensembleSize` MLPs
/// (`PredictorEnsemble` of `MLPRegressor`, 10 x 20, MAE) on every queried architecture,
/// makes up to `candidateCount` new candidates by mutating the best queried architectures
/// (the best first, then the next best as neighbourhoods run out, up to
/// `5 x parentsToMutate` parents, as naszilla's `get_candidates`), scores each candidate by
/// independent Thompson sampling (one draw from a normal with the ensemble's mean and standard
/// deviation) and queries the `batchSize` best draws. The recommendation is the domain
/// architecture with the best ensemble mean.
///
/// Differences from the source: a mutation changes exactly one operation or connection
/// (`SearchSpace.mutate`); naszilla's NAS-Bench-201 mutation changes each operation with
/// probability 1/6, so it may change none or several. Candidates must be in the domain and
/// unqueried (they have no label otherwise). When no mutant is new (a tiny or exhausted
/// domain), the round queries unqueried architectures of the initial design. Targets are
/// z-scored (see `MLPRegressor`). On spaces without a path encoding the ensemble reads the
/// one-hot encoding unless `encoding` says otherwise.
public struct BANANAS: PredictorProviding, Recommending {
  public static let name = "bananas"
  public static let abstract = "Ensemble of 5 MLPs on the path encoding with Thompson sampling over mutated candidates (White et al. 2021)."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let ensemble: PredictorEnsemble
  private var started = false
  private var predictedBest: Int?

  public init(settings: Settings, context: SearchContext) throws {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.ensemble = try Self.ensemble(settings: settings, domain: context.domain)
  }

  public static func makePredictor(settings: Settings, domain: Domain) throws -> any Predictor {
    try ensemble(settings: settings, domain: domain)
  }

  private static func ensemble(settings: Settings, domain: Domain) throws -> PredictorEnsemble {
    let encoded = EncodedDomain.shared(domain, as: try settings.encoding(for: domain.space))
    return PredictorEnsemble(
      members: (0..<settings.ensembleSize).map { _ in
        MLPRegressor(features: encoded, configuration: settings.model)
      })
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    let wanted = min(count, settings.batchSize)
    let candidates = mutatedCandidates(using: &rng)
    guard !candidates.isEmpty else {
      let known = memory
      var fallback: [Int] = []
      while fallback.count < wanted, let index = design.next(where: { !known.contains($0) }) {
        fallback.append(index)
      }
      return fallback.map { Proposal.poolIndex($0) }
    }
    let queried = memory.order
    try ensemble.fit(poolIndices: queried, targets: queried.compactMap { memory[$0] }, using: &rng)
    let samples = ensemble.independentThompsonSamples(poolIndices: candidates, using: &rng)
    predictedBest = PredictedRanking(domain.indices, scores: ensemble.predict(poolIndices: domain.indices)).order.first
    return PredictedRanking(candidates, scores: samples).order.prefix(wanted).map { Proposal.poolIndex($0) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { predictedBest }

  /// Distinct, unqueried domain architectures one mutation away from the best queried ones.
  private func mutatedCandidates(using rng: inout SeededGenerator) -> [Int] {
    let space = domain.space
    let parents = memory.order.sorted { (memory[$0] ?? 0, -$0) > (memory[$1] ?? 0, -$1) }.prefix(5 * settings.parentsToMutate)
    let attemptsPerParent = max(1, settings.candidateCount / settings.parentsToMutate)
    var candidates: [Int] = []
    var seen = Set<Int>()
    for parent in parents where candidates.count < settings.candidateCount {
      let architecture = space.architecture(at: parent)
      for _ in 0..<attemptsPerParent where candidates.count < settings.candidateCount {
        guard let index = space.index(of: space.mutate(architecture, using: &rng)),
          domain.contains(index), !memory.contains(index), seen.insert(index).inserted
        else { continue }
        candidates.append(index)
      }
    }
    return candidates
  }
}
