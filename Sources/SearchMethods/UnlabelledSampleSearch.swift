import Models
import Randomness

/// The search loop of the semi-supervised predictors (`semi-assessor`, `self-training`):
/// after the shared initial design, each round refits the predictor on every queried
/// architecture, which draws its fresh unlabelled sample of the unqueried domain; the sample is
/// ranked by the predictor and its best `batchSize` are queried. The recommendation is the
/// predicted best of the queried architectures and the last sample.
struct UnlabelledSampleSearch<Model: SemiSupervisedPredictor> {
  let model: Model
  let initialSize: Int
  let batchSize: Int
  private var design: InitialDesign
  private(set) var memory = ObservationMemory()
  private var started = false
  private(set) var predictedBest: Int?

  init(model: Model, context: SearchContext, initialSize: Int, batchSize: Int) {
    self.model = model
    self.initialSize = initialSize
    self.batchSize = batchSize
    self.design = context.initialDesign
  }

  mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, initialSize))
    }
    let queried = memory.order
    try model.fit(poolIndices: queried, targets: queried.compactMap { memory[$0] }, using: &rng)
    let sample = model.unlabelledSample
    guard !sample.isEmpty else { return [] }
    let scores = model.predict(poolIndices: sample)
    let ranked = PredictedRanking(sample, scores: scores)
    let queriedScores = model.predict(poolIndices: queried)
    let bestQueried = PredictedRanking(queried, scores: queriedScores).order.first
    if let top = ranked.order.first, let bestQueried, let topScore = scores.max(), let queriedTop = queriedScores.max() {
      predictedBest = topScore > queriedTop ? top : bestQueried
    } else {
      predictedBest = ranked.order.first ?? bestQueried
    }
    return ranked.order.prefix(min(count, batchSize)).map { Proposal.poolIndex($0) }
  }

  mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }
}
