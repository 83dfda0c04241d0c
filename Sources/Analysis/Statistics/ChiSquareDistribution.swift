/// The upper tail of the chi-square distribution, for the p-value of the Friedman test.
///
/// Computed as the regularized upper incomplete gamma function Q(df / 2, x / 2): the series
/// for P when x < a + 1 and the continued fraction (modified Lentz) for Q otherwise, as in
/// Press et al., "Numerical Recipes", 3rd ed., section 6.2. Relative accuracy about 1e-14.
enum ChiSquareDistribution {
  /// P(X >= x) for X chi-square with `degreesOfFreedom` > 0.
  static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
    guard x > 0 else { return 1 }
    let a = degreesOfFreedom / 2
    let z = x / 2
    let logPrefactor = a * naturalLog(z) - z - logGamma(a)
    if z < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= z / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return max(0, 1 - sum * exponential(logPrefactor))
    }
    let tiny = 1e-300
    var b = z + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var fraction = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      fraction *= step
      if abs(step - 1) < 1e-16 { break }
    }
    return min(1, exponential(logPrefactor) * fraction)
  }
}
