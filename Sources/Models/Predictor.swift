import Randomness
import SearchSpaces

/// A performance predictor: learns the search signal from labelled architectures and scores
/// any architecture of the pool.
///
/// Predictors are the learned part of predictor-based search methods (WeakNAS, BRP-NAS,
/// BANANAS, ...) and are evaluated on their own by the predictor-quality tables (PROTOCOL.md
/// section 5). A predictor is built for one domain and works with pool indices; it encodes
/// architectures itself. Only the ranking of its scores matters to the quality tables, so a
/// pairwise model may return any score that orders architectures.
public protocol Predictor: AnyObject {
  /// Trains from scratch (or continues, for warm-started predictors) on labelled architectures.
  ///
  /// - Parameters:
  ///   - poolIndices: the labelled architectures.
  ///   - targets: their search signals, in the same order.
  ///   - rng: the only source of randomness (initialisation, batches, dropout).
  func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws

  /// Scores architectures; higher means predicted better.
  func predict(poolIndices: [Int]) -> [Double]
}
