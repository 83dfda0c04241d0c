import Tensor

extension Loss {
  /// Pairwise hinge ranking loss: the mean, over pairs with `target_i > target_j`, of
  /// `max(0, margin - (score_i - score_j))` (the ranking objective of predictors such as
  /// BRP-NAS and WeakNAS). Zero when no pair is ordered.
  ///
  /// - Parameters:
  ///   - scores: `[n]` predicted scores.
  ///   - targets: `n` true values (only their order matters).
  public static func pairwiseHingeRanking(scores: Tensor, targets: [Float], margin: Float = 0.1) -> Tensor {
    let (differences, pairs, count) = orderedPairs(scores: scores, targets: targets)
    return ((margin - differences).relu() * pairs).sum() * (1 / Float(max(count, 1)))
  }

  /// Pairwise logistic ranking loss: the mean, over ordered pairs, of
  /// `log(1 + e^-(score_i - score_j))` (RankNet; Burges et al. 2005).
  public static func pairwiseLogisticRanking(scores: Tensor, targets: [Float]) -> Tensor {
    let (differences, pairs, count) = orderedPairs(scores: scores, targets: targets)
    return ((-differences).softplus() * pairs).sum() * (1 / Float(max(count, 1)))
  }

  /// `score_i - score_j` as `[n, n]`, the indicator of `target_i > target_j`, and its count.
  private static func orderedPairs(scores: Tensor, targets: [Float]) -> (Tensor, Tensor, Int) {
    let n = targets.count
    precondition(scores.count == n, "ranking loss: \(scores.count) scores for \(n) targets")
    var indicator = [Float](repeating: 0, count: n * n)
    var count = 0
    for i in 0..<n {
      for j in 0..<n where targets[i] > targets[j] {
        indicator[i * n + j] = 1
        count += 1
      }
    }
    let differences = scores.reshaped([n, 1]) - scores.reshaped([1, n])
    return (differences, Tensor(shape: [n, n], scalars: indicator), count)
  }
}
