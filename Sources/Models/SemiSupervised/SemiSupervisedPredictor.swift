import Randomness

/// A predictor that learns from unlabelled architectures as well: each `fit` draws a fresh
/// sample of the candidates it was built with, leaving out the labelled ones, and uses it
/// without labels (a relation graph's unlabelled nodes, pseudo-labels).
///
/// Search methods rank exactly that sample afterwards, so the architectures they propose are
/// the ones the predictor saw.
public protocol SemiSupervisedPredictor: Predictor {
  /// The unlabelled architectures the last `fit` used, in the order drawn.
  var unlabelledSample: [Int] { get }
}

/// Draws the unlabelled sample of a semi-supervised fit.
enum UnlabelledSample {
  /// Up to `size` of `candidates` that are not in `labelled`, in a seeded random order.
  static func draw(from candidates: [Int], excluding labelled: [Int], size: Int, using rng: inout SeededGenerator) -> [Int] {
    let known = Set(labelled)
    var pool = candidates.filter { !known.contains($0) }
    guard size < pool.count else {
      pool.stableShuffle(using: &rng)
      return pool
    }
    // A partial Fisher-Yates shuffle: only the first `size` places are drawn.
    for position in 0..<size {
      let other = position + rng.nextInt(below: pool.count - position)
      pool.swapAt(position, other)
    }
    return Array(pool.prefix(size))
  }
}
