/// How well predicted scores order architectures like their true values.
///
/// Used by the predictor-quality tables (PROTOCOL.md section 5): Kendall's tau-b, Spearman's
/// rho (Pearson correlation of average ranks) and precision@T (the overlap of the predicted
/// and true top T, divided by T).
public enum RankAgreement {
  /// Kendall's tau-b between `x` and `y`, with ties handled as in scipy's `kendalltau`.
  ///
  /// Knight's algorithm: sort by (x, y), count ties, then count discordant pairs as the swaps
  /// of a merge sort on y. NaN when either sequence is constant.
  /// - Complexity: O(n log n).
  public static func kendallTau(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "kendallTau: \(x.count) values against \(y.count)")
    let n = x.count
    guard n >= 2 else { return .nan }
    let order = (0..<n).sorted { (x[$0], y[$0]) < (x[$1], y[$1]) }
    let xs = order.map { x[$0] }
    var ys = order.map { y[$0] }
    let pairs = Double(n) * Double(n - 1) / 2
    let tiedX = tiedPairs(in: xs)
    let tiedXY = tiedPairs(in: zip(xs, ys).map { Pair(a: $0, b: $1) })
    var buffer = ys
    let swaps = Double(mergeSortCountingSwaps(&ys, &buffer, 0, n))
    let tiedY = tiedPairs(in: ys)
    let concordantMinusDiscordant = pairs - tiedX - tiedY + tiedXY - 2 * swaps
    let denominator = ((pairs - tiedX) * (pairs - tiedY)).squareRoot()
    return denominator == 0 ? .nan : concordantMinusDiscordant / denominator
  }

  /// Spearman's rho: the Pearson correlation of the average ranks of `x` and `y`.
  ///
  /// - Complexity: O(n log n).
  public static func spearmanRho(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "spearmanRho: \(x.count) values against \(y.count)")
    return pearson(AverageRanks.of(x), AverageRanks.of(y))
  }

  /// The fraction of the true top `t` (by `truth`) that is also in the predicted top `t`.
  ///
  /// Ties at the cut are broken by position, so the result is exact for distinct values.
  /// - Complexity: O(n log n).
  public static func precision(at t: Int, predicted: [Double], truth: [Double]) -> Double {
    precondition(predicted.count == truth.count, "precision: \(predicted.count) values against \(truth.count)")
    let t = min(t, truth.count)
    guard t > 0 else { return .nan }
    let topPredicted = Set((0..<predicted.count).sorted { (predicted[$0], -$0) > (predicted[$1], -$1) }.prefix(t))
    let topTrue = (0..<truth.count).sorted { (truth[$0], -$0) > (truth[$1], -$1) }.prefix(t)
    return Double(topTrue.filter(topPredicted.contains).count) / Double(t)
  }

  private static func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    guard n >= 2 else { return .nan }
    let meanA = a.reduce(0, +) / n
    let meanB = b.reduce(0, +) / n
    var covariance = 0.0
    var varianceA = 0.0
    var varianceB = 0.0
    for (u, v) in zip(a, b) {
      covariance += (u - meanA) * (v - meanB)
      varianceA += (u - meanA) * (u - meanA)
      varianceB += (v - meanB) * (v - meanB)
    }
    let denominator = (varianceA * varianceB).squareRoot()
    return denominator == 0 ? .nan : covariance / denominator
  }

  private struct Pair: Equatable {
    let a: Double
    let b: Double
  }

  /// Pairs of equal neighbours in a sorted sequence: sum over runs of k(k-1)/2.
  private static func tiedPairs<T: Equatable>(in sorted: [T]) -> Double {
    var total = 0.0
    var run = 1
    for index in 1..<max(1, sorted.count) {
      if sorted[index] == sorted[index - 1] {
        run += 1
      } else {
        total += Double(run) * Double(run - 1) / 2
        run = 1
      }
    }
    return total + Double(run) * Double(run - 1) / 2
  }

  /// Sorts `values[low..<high]` ascending; returns the number of inversions (strictly greater
  /// elements before smaller ones).
  private static func mergeSortCountingSwaps(_ values: inout [Double], _ buffer: inout [Double], _ low: Int, _ high: Int) -> Int {
    guard high - low > 1 else { return 0 }
    let middle = (low + high) / 2
    var swaps = mergeSortCountingSwaps(&values, &buffer, low, middle) + mergeSortCountingSwaps(&values, &buffer, middle, high)
    var i = low
    var j = middle
    var k = low
    while i < middle && j < high {
      if values[j] < values[i] {
        buffer[k] = values[j]
        swaps += middle - i
        j += 1
      } else {
        buffer[k] = values[i]
        i += 1
      }
      k += 1
    }
    while i < middle {
      buffer[k] = values[i]
      i += 1
      k += 1
    }
    while j < high {
      buffer[k] = values[j]
      j += 1
      k += 1
    }
    for index in low..<high { values[index] = buffer[index] }
    return swaps
  }
}
