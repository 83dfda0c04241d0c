/// Critical values of the studentized range with infinite degrees of freedom, the basis of the
/// Nemenyi critical difference.
///
/// The range W of k independent standard normal variables has
/// P(W <= q) = k * integral of phi(z) * (Phi(z) - Phi(z - q))^(k - 1) dz
/// (Hartley 1942); the integral is taken with Simpson's rule on [-9, 9] and the quantile found
/// by bisection. Divided by sqrt(2), the 0.05 values are those of Demšar (JMLR 2006, table 5a):
/// 1.960, 2.343, 2.569, 2.728, ... for k = 2, 3, 4, 5.
public enum StudentizedRange {
  /// P(W <= q) for the range of `k` standard normals.
  ///
  /// - Complexity: O(2,000) evaluations of the normal distribution.
  public static func cumulative(_ q: Double, groups k: Int) -> Double {
    guard q > 0, k >= 2 else { return 0 }
    let steps = 2_000
    let (low, high) = (-9.0, 9.0)
    let h = (high - low) / Double(steps)
    var sum = 0.0
    for i in 0...steps {
      let z = low + Double(i) * h
      let weight: Double = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)
      let inside = normalCumulative(z) - normalCumulative(z - q)
      sum += weight * normalDensity(z) * pow(inside, k - 1)
    }
    return min(1, Double(k) * sum * h / 3)
  }

  /// The q with P(W <= q) = 1 - alpha for `k` groups.
  public static func criticalValue(groups k: Int, alpha: Double) -> Double {
    var (low, high) = (0.0, 20.0)
    for _ in 0..<60 {
      let middle = (low + high) / 2
      if cumulative(middle, groups: k) < 1 - alpha { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  private static func normalCumulative(_ z: Double) -> Double { 1 - standardNormalSurvival(z) }

  private static func normalDensity(_ z: Double) -> Double { exponential(-z * z / 2) / (2 * Double.pi).squareRoot() }

  private static func pow(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= base }
    return result
  }
}
