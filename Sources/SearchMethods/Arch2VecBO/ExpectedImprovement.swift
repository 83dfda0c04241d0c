import Foundation

/// Expected improvement of a Gaussian prediction over a fixed target, for maximisation.
public enum ExpectedImprovement {
  /// The expected improvement of N(`mean`, `variance`) over `target`.
  ///
  /// `.correct`: with sigma = sqrt(variance) and z = (mean - target) / sigma,
  /// EI = (mean - target) Phi(z) + sigma phi(z). `.source`: arch2vec's code, which passes the
  /// predictive variance where sigma belongs, in z and in the second term. A zero spread
  /// gives max(mean - target, 0).
  public static func value(mean: Double, variance: Double, target: Double, variant: Arch2VecBO.ExpectedImprovementVariant) -> Double {
    let spread = variant == .correct ? max(variance, 0).squareRoot() : variance
    let gap = mean - target
    guard spread > 0 else { return max(gap, 0) }
    let z = gap / spread
    let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    let cumulative = 0.5 * erfc(-z / 2.0.squareRoot())
    return gap * cumulative + spread * density
  }
}
