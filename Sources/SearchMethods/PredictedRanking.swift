/// Architectures ordered by a predictor's scores, best first (ties: the lower pool index first,
/// so the order is deterministic).
///
/// Shared by the predictor-based methods that rank the whole domain each round.
public struct PredictedRanking: Sendable {
  /// Pool indices, best predicted first.
  public let order: [Int]

  /// Ranks `poolIndices` by `scores` (one per index, higher is better).
  ///
  /// - Complexity: O(n log n).
  public init(_ poolIndices: [Int], scores: [Double]) {
    precondition(poolIndices.count == scores.count, "PredictedRanking: \(poolIndices.count) indices, \(scores.count) scores")
    order = poolIndices.indices
      .sorted { (scores[$0], -poolIndices[$0]) > (scores[$1], -poolIndices[$1]) }
      .map { poolIndices[$0] }
  }
}
