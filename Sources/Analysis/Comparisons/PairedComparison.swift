/// The Wilcoxon signed-rank comparison of two methods on one task at one query count.
///
/// Values are `report_of_best_signal` at the checkpoint, paired by trial index (the trials of one index
/// share their seed and initial design); trial indices missing for either method are left
/// out. See `WilcoxonSignedRank` for the conventions.
public struct PairedComparison: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// The query count compared.
  public var checkpoint: Int
  /// First method (earlier in suite order).
  public var first: String
  /// Second method.
  public var second: String
  /// Pairs compared (zero differences included).
  public var pairs: Int
  /// Mean of first minus second over the pairs.
  public var meanDifference: Double
  /// The test on first minus second.
  public var test: WilcoxonSignedRank
  /// The Holm-adjusted p-value over all pairs of methods on this task and checkpoint.
  public var holmPValue: Double

  /// The method whose values tend to be higher (the sign of the rank-biserial correlation), or
  /// `nil` for a tie. Higher is better for every report metric in NASArena.
  public var better: String? {
    if test.rankBiserial > 0 { return first }
    if test.rankBiserial < 0 { return second }
    return nil
  }
}

extension PairedComparison {
  /// Every pair of methods at every checkpoint, Holm-adjusted within each checkpoint.
  ///
  /// - Parameters:
  ///   - curvesByMethod: the trial curves of each method, in suite order.
  ///   - checkpoints: query counts, increasing.
  /// - Complexity: O(checkpoints * methods^2 * trials log trials).
  static func all(
    task: String, checkpoints: [Int], curvesByMethod: [(String, [TrialCurve])]
  ) -> [PairedComparison] {
    var result: [PairedComparison] = []
    for checkpoint in checkpoints {
      var group: [PairedComparison] = []
      let valuesByMethod = curvesByMethod.map { method, curves in
        (method, BestSignalByTrial(curves: curves, checkpoint: checkpoint))
      }
      for (i, (firstMethod, firstValues)) in valuesByMethod.enumerated() {
        for (secondMethod, secondValues) in valuesByMethod[(i + 1)...] {
          let differences = firstValues.differences(from: secondValues)
          let mean = differences.isEmpty ? Double.nan : differences.reduce(0, +) / Double(differences.count)
          group.append(
            PairedComparison(
              task: task, checkpoint: checkpoint, first: firstMethod, second: secondMethod,
              pairs: differences.count, meanDifference: mean,
              test: WilcoxonSignedRank(differences: differences), holmPValue: .nan))
        }
      }
      let adjusted = HolmCorrection.adjusted(group.map(\.test.pValue))
      for index in group.indices { group[index].holmPValue = adjusted[index] }
      result += group
    }
    return result
  }
}

/// One method's `report_of_best_signal` at a checkpoint, keyed by trial index.
struct BestSignalByTrial {
  /// Value by trial index.
  var values: [Int: Double]

  init(curves: [TrialCurve], checkpoint: Int) {
    var values: [Int: Double] = [:]
    for curve in curves {
      if let value = curve.value(.bestSignal, atQuery: checkpoint) { values[curve.cell.trial] = value }
    }
    self.values = values
  }

  /// `self - other` for the trial indices both have, by increasing trial index.
  func differences(from other: BestSignalByTrial) -> [Double] {
    values.keys.sorted().compactMap { trial in
      guard let mine = values[trial], let theirs = other.values[trial] else { return nil }
      return mine - theirs
    }
  }
}
