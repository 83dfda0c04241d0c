/// The Wilcoxon signed-rank test on paired differences, two-sided, with its effect size.
///
/// Source: F. Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin 1945
/// (<https://doi.org/10.2307/3001968>); effect size: D. S. Kerby, "The simple difference
/// formula: an approach to teaching nonparametric correlation", Comprehensive Psychology 2014
/// (<https://doi.org/10.2466/11.IT.3.1>).
///
/// Conventions:
/// - Zero differences are dropped before ranking (Wilcoxon's method, scipy's default
///   `zero_method="wilcox"`): in NAS runs both methods often sit on the same architecture, and a
///   tie says nothing about which is better. `n` counts the non-zero differences.
/// - Equal absolute differences share their average rank.
/// - For `n <= exactLimit` the p-value is exact: the distribution of `W+` over all 2^n sign
///   patterns of the (possibly tied) ranks, so it is the exact conditional test even with ties
///   and equals scipy's `method="exact"` without ties.
/// - For larger `n` it uses the normal approximation with the tie correction of the variance
///   and a continuity correction of 0.5 (scipy's `method="approx", correction=True`).
/// - The effect size is the matched-pairs rank-biserial correlation `(W+ - W-) / (W+ + W-)`, in
///   [-1, 1]; positive when the first sample tends to be larger. With no non-zero difference
///   the p-value is 1 and the effect size 0.
public struct WilcoxonSignedRank: Hashable, Sendable {
  /// Largest number of non-zero differences with an exact p-value.
  public static let exactLimit = 25

  /// Non-zero differences ranked.
  public var n: Int
  /// Sum of the ranks of the positive differences.
  public var wPlus: Double
  /// Sum of the ranks of the negative differences.
  public var wMinus: Double
  /// Two-sided p-value.
  public var pValue: Double
  /// Whether `pValue` is exact (otherwise the normal approximation).
  public var exact: Bool
  /// Matched-pairs rank-biserial correlation.
  public var rankBiserial: Double

  /// Tests whether the differences `first[i] - second[i]` are symmetric about zero.
  ///
  /// - Parameters:
  ///   - differences: paired differences, first sample minus second; finite.
  /// - Complexity: O(n log n) for the ranks, plus O(n^3) for an exact p-value (n <= 25).
  public init(differences: [Double]) {
    let nonZero = differences.filter { $0 != 0 }
    n = nonZero.count
    let ranks = AverageRanks.of(nonZero.map { abs($0) })
    wPlus = zip(nonZero, ranks).reduce(0) { $1.0 > 0 ? $0 + $1.1 : $0 }
    wMinus = zip(nonZero, ranks).reduce(0) { $1.0 < 0 ? $0 + $1.1 : $0 }
    let total = wPlus + wMinus
    rankBiserial = total > 0 ? (wPlus - wMinus) / total : 0
    if n == 0 {
      pValue = 1
      exact = true
    } else if n <= WilcoxonSignedRank.exactLimit {
      pValue = WilcoxonSignedRank.exactPValue(ranks: ranks, wPlus: wPlus)
      exact = true
    } else {
      let ties = AverageRanks.tieGroupSizes(nonZero.map { abs($0) })
      pValue = WilcoxonSignedRank.normalPValue(n: n, wPlus: wPlus, tieGroupSizes: ties)
      exact = false
    }
  }

  /// Two-sided exact p-value: twice the smaller tail of W+ over all sign patterns.
  ///
  /// Ranks are halves at worst, so doubled ranks are integers and a subset-sum count over them
  /// gives the whole null distribution.
  private static func exactPValue(ranks: [Double], wPlus: Double) -> Double {
    let doubled = ranks.map { Int(($0 * 2).rounded()) }
    let total = doubled.reduce(0, +)
    var ways = [Double](repeating: 0, count: total + 1)
    ways[0] = 1
    var reachable = 0
    for rank in doubled {
      reachable += rank
      for sum in stride(from: reachable, through: rank, by: -1) { ways[sum] += ways[sum - rank] }
    }
    let observed = Int((wPlus * 2).rounded())
    let patterns = ways.reduce(0, +)
    let lower = ways[0...observed].reduce(0, +) / patterns
    let upper = ways[observed...total].reduce(0, +) / patterns
    return Swift.min(1, 2 * Swift.min(lower, upper))
  }

  /// Two-sided p-value from the normal approximation with tie and continuity corrections.
  private static func normalPValue(n: Int, wPlus: Double, tieGroupSizes: [Int]) -> Double {
    let size = Double(n)
    let mean = size * (size + 1) / 4
    let tieTerm = tieGroupSizes.reduce(0.0) { sum, t in
      let tied = Double(t)
      return sum + (tied * tied * tied - tied)
    }
    let variance = size * (size + 1) * (2 * size + 1) / 24 - tieTerm / 48
    guard variance > 0 else { return 1 }
    let deviation = wPlus - mean
    let corrected = Swift.max(0, abs(deviation) - 0.5)
    return Swift.min(1, 2 * standardNormalSurvival(corrected / variance.squareRoot()))
  }
}
