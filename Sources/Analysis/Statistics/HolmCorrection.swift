/// Holm's step-down adjustment of p-values for multiple comparisons.
///
/// Source: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian
/// Journal of Statistics 1979 (<https://www.jstor.org/stable/4615733>). Equals
/// `statsmodels.stats.multitest.multipletests(p, method="holm")[1]`.
public enum HolmCorrection {
  /// Adjusted p-values, in the order of `pValues`.
  ///
  /// The i-th smallest p-value (1-based) is multiplied by `m - i + 1`, made monotone by a
  /// running maximum and capped at 1. Ties keep their input order, which does not change the
  /// result.
  /// - Complexity: O(m log m).
  public static func adjusted(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = [Double](repeating: 0, count: m)
    var runningMax = 0.0
    for (position, index) in order.enumerated() {
      let scaled = min(1, Double(m - position) * pValues[index])
      runningMax = max(runningMax, scaled)
      adjusted[index] = runningMax
    }
    return adjusted
  }
}
