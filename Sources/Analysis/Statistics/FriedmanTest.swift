/// The Friedman test that k methods rank alike over N blocks, with the tie correction.
///
/// Source: M. Friedman, JASA 1937; tie-corrected statistic as in Conover, "Practical
/// Nonparametric Statistics", 3rd ed., section 5.8: with average ranks R_ij within each block,
/// chi2 = (k - 1) * (sum_j (R_j - N(k+1)/2)^2) / (sum_ij R_ij^2 - N k (k+1)^2 / 4), R_j the
/// rank sum of method j. Without ties this equals 12 / (N k (k+1)) * sum R_j^2 - 3 N (k+1).
/// The p-value is from the chi-square distribution with k - 1 degrees of freedom.
public struct FriedmanTest: Hashable, Sendable {
  /// Number of methods.
  public var methods: Int
  /// Number of blocks.
  public var blocks: Int
  /// The tie-corrected chi-square statistic.
  public var statistic: Double
  /// Upper-tail p-value (1 when every block ties completely).
  public var pValue: Double

  /// Tests the rows of `ranks`: one row per block, one average rank per method.
  ///
  /// - Precondition: every row has the same count, at least 2.
  /// - Complexity: O(N k).
  public init(ranks: [[Double]]) {
    let k = ranks.first?.count ?? 0
    precondition(k >= 2 && ranks.allSatisfy { $0.count == k }, "Friedman: every block needs the same number (>= 2) of ranks")
    methods = k
    blocks = ranks.count
    let n = Double(ranks.count)
    let kd = Double(k)
    var sums = [Double](repeating: 0, count: k)
    var squares = 0.0
    for row in ranks {
      for (j, rank) in row.enumerated() {
        sums[j] += rank
        squares += rank * rank
      }
    }
    let centre = n * (kd + 1) / 2
    let numerator = (kd - 1) * sums.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
    let denominator = squares - n * kd * (kd + 1) * (kd + 1) / 4
    if denominator <= 1e-12 * max(1, squares) {
      statistic = 0
      pValue = 1
    } else {
      statistic = numerator / denominator
      pValue = ChiSquareDistribution.survival(statistic, degreesOfFreedom: kd - 1)
    }
  }
}
