import Models
import Randomness
import SearchSpaces

/// BRP-NAS: a GCN binary relation predictor ranks the whole domain; each round queries the
/// best-predicted architectures and a random sample of a shrinking predicted top.
///
/// Source: Dudziak, Chau, Abdelfattah, Lee, Kim and Lane, 2020, "BRP-NAS: Prediction-based NAS
/// using GCNs", NeurIPS, <https://arxiv.org/abs/2007.08668> (code: thomasccp/eagle). Rounds of
/// `roundSize` (20): round 0 takes the first architectures of the shared initial design; round
/// i >= 1 retrains the predictor (`BinaryRelationPredictor`, or `GCNRegressor` with
/// `predictor: unary`) from scratch on every queried architecture, ranks the whole domain
/// (by mean win probability, see `BinaryRelationPredictor`), queries the `exploitCount` (10)
/// best-predicted unqueried architectures, and fills the round with architectures drawn
/// uniformly from the unqueried members of the predicted top `domain / 2^i`, then from the
/// next best predicted when that top runs out. The published runs stop after 5 rounds (100
/// queries); rounds continue for larger budgets. The predicted top-1 is the recommendation.
///
/// Differences from the source: see `GCNTraining` (pairs batched per step, early stopping on the
/// training loss), `GCNEncoder` (normalised adjacency) and `BinaryRelationPredictor` (ranking
/// by mean win probability, computed exactly in O(domain)).
public struct BRPNAS: PredictorProviding, Recommending {
  public static let name = "brp-nas"
  public static let abstract = "GCN binary relation predictor ranking the domain, 20 per round from a shrinking predicted top (Dudziak et al. 2020)."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let predictor: any Predictor
  private var round = 0
  private var predictedBest: Int?

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.predictor = Self.makePredictor(settings: settings, domain: context.domain)
  }

  public static func makePredictor(settings: Settings, domain: Domain) -> any Predictor {
    let graphs = DomainGraphs.shared(domain)
    switch settings.predictor {
    case .binaryRelation:
      return BinaryRelationPredictor(graphs: graphs, training: settings.training, targetScale: settings.targetScale)
    case .unary:
      return GCNRegressor(graphs: graphs, training: settings.training)
    }
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    let wanted = min(count, settings.roundSize)
    defer { round += 1 }
    if round == 0 {
      return design.next(wanted).map { Proposal.poolIndex($0, initial: true) }
    }
    guard memory.count < domain.count else { return [] }
    let queried = memory.order
    try predictor.fit(poolIndices: queried, targets: queried.compactMap { memory[$0] }, using: &rng)
    let ranked = PredictedRanking(domain.indices, scores: predictor.predict(poolIndices: domain.indices)).order
    predictedBest = ranked.first
    let known = memory
    var chosen = Array(ranked.lazy.filter { !known.contains($0) }.prefix(min(settings.exploitCount, wanted)))
    var picked = Set(chosen)
    let topSize = max(1, domain.count >> min(round, 62))
    var pool = ranked.prefix(topSize).filter { !known.contains($0) && !picked.contains($0) }
    while chosen.count < wanted, !pool.isEmpty {
      let next = pool.remove(at: rng.nextInt(below: pool.count))
      chosen.append(next)
      picked.insert(next)
    }
    chosen += ranked.lazy.filter { !known.contains($0) && !picked.contains($0) }.prefix(wanted - chosen.count)
    return chosen.map { Proposal.poolIndex($0) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { predictedBest }
}
