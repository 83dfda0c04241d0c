import Randomness

/// Several predictors trained on the same data, with their mean and independent Thompson
/// sampling over their spread.
///
/// BANANAS (White, Neiswanger and Savani, 2021, AAAI, <https://arxiv.org/abs/1910.11858>)
/// trains five MLPs from different random initialisations and scores candidates by
/// independent Thompson sampling: for each candidate, one draw from a normal with the
/// ensemble's mean and (population) standard deviation. Members are fitted one after the
/// other from the same generator, so each starts from different weights.
public final class PredictorEnsemble: Predictor {
  /// The members, in a fixed order.
  public let members: [any Predictor]

  /// An ensemble of `members`.
  ///
  /// - Precondition: at least one member.
  public init(members: [any Predictor]) {
    precondition(!members.isEmpty, "PredictorEnsemble: needs at least one member")
    self.members = members
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    for member in members { try member.fit(poolIndices: poolIndices, targets: targets, using: &rng) }
  }

  /// Each member's predictions: `[members.count][poolIndices.count]`.
  public func memberPredictions(poolIndices: [Int]) -> [[Double]] {
    members.map { $0.predict(poolIndices: poolIndices) }
  }

  /// The ensemble mean.
  public func predict(poolIndices: [Int]) -> [Double] {
    Self.moments(memberPredictions(poolIndices: poolIndices)).mean
  }

  /// One independent Thompson sample per architecture: `mean + std * N(0, 1)` over members.
  public func independentThompsonSamples(poolIndices: [Int], using rng: inout SeededGenerator) -> [Double] {
    let (mean, deviation) = Self.moments(memberPredictions(poolIndices: poolIndices))
    return zip(mean, deviation).map { $0 + $1 * rng.nextNormal() }
  }

  /// Mean and population standard deviation across members, per architecture.
  static func moments(_ predictions: [[Double]]) -> (mean: [Double], deviation: [Double]) {
    let count = predictions.first?.count ?? 0
    let k = Double(predictions.count)
    var mean = [Double](repeating: 0, count: count)
    var deviation = mean
    for i in 0..<count {
      let m = predictions.reduce(0) { $0 + $1[i] } / k
      mean[i] = m
      deviation[i] = (predictions.reduce(0) { $0 + ($1[i] - m) * ($1[i] - m) } / k).squareRoot()
    }
    return (mean, deviation)
  }
}
