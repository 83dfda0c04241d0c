import Models
import Randomness
import SearchSpaces

/// WeakNAS: iteratively retrained weak predictors that narrow the search to a predicted top.
///
/// Source: Wu, Dai, Chen, Wang and Zhang, 2021, "Stronger NAS with Weaker Predictors",
/// NeurIPS, <https://arxiv.org/abs/2102.10490> (code: VITA-Group/WeakNAS). The first
/// `initialSize` architectures come from the shared initial design; then each round retrains
/// an MLP (`MLPRegressor`, 4 x 1000 by default) on every queried architecture with z-scored
/// signals, predicts the whole domain (one batched pass over the `EncodedDomain`), takes the
/// predicted top `topK` (queried ones included, as the source does) and queries `batchSize`
/// of its unqueried members chosen uniformly at random, filling from the next best predicted
/// when fewer remain. The predicted top-1 of the domain is the recommendation (the source's
/// plots count it as found).
///
/// Differences from the source: targets are standardised with the queried architectures'
/// statistics, not the whole table's (which leaks labels); the optional tree-ensemble
/// predictors of the source are not offered (no tree library is used in this project); see
/// `MLPRegressor` for the MLP's small differences from scikit-learn's.
public struct WeakNAS: PredictorProviding, Recommending {
  public static let name = "weaknas"
  public static let abstract = "Iteratively retrained MLP predictor sampling from its predicted top-100 (Wu et al. 2021)."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let predictor: MLPRegressor
  private var started = false
  private var predictedBest: Int?

  public init(settings: Settings, context: SearchContext) throws {
    try settings.encoding.requireProvided(by: context.space)
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.predictor = MLPRegressor(
      features: EncodedDomain.shared(context.domain, as: settings.encoding), configuration: settings.model)
  }

  public static func makePredictor(settings: Settings, domain: Domain) throws -> any Predictor {
    try settings.encoding.requireProvided(by: domain.space)
    return MLPRegressor(features: EncodedDomain.shared(domain, as: settings.encoding), configuration: settings.model)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard memory.count < domain.count else { return [] }
    let queried = memory.order
    try predictor.fit(poolIndices: queried, targets: queried.compactMap { memory[$0] }, using: &rng)
    let ranked = PredictedRanking(domain.indices, scores: predictor.predict(poolIndices: domain.indices))
    predictedBest = ranked.order.first
    let wanted = min(count, settings.batchSize)
    let known = memory
    var pool = ranked.order.prefix(settings.topK).filter { !known.contains($0) }
    var chosen: [Int] = []
    while chosen.count < wanted, !pool.isEmpty {
      chosen.append(pool.remove(at: rng.nextInt(below: pool.count)))
    }
    let picked = Set(chosen)
    chosen += ranked.order.dropFirst(settings.topK).lazy.filter { !known.contains($0) && !picked.contains($0) }.prefix(wanted - chosen.count)
    return chosen.map { Proposal.poolIndex($0) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { predictedBest }
}
