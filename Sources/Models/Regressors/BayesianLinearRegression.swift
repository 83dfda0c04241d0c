/// Bayesian linear regression with a Gaussian prior N(0, alpha^-1 I) on the weights and
/// Gaussian noise of precision beta, both fitted by maximising the marginal likelihood.
///
/// DNGO's output layer (Snoek et al., ICML 2015, "Scalable Bayesian Optimization Using Deep
/// Neural Networks"). alpha and beta are fitted by MacKay's fixed-point iterations (Bishop,
/// "Pattern Recognition and Machine Learning", 2006, eqs. 3.91-3.95): with the eigenvalues
/// lambda_i of beta Phi^T Phi, gamma = sum lambda_i / (alpha + lambda_i), alpha = gamma / m^T m
/// and 1 / beta = |y - Phi m|^2 / (N - gamma), repeated until both change by less than 1e-6
/// relative (at most `maximumIterations`). Each stationary point of these updates is a
/// stationary point of the closed-form evidence; pybnn, which arch2vec uses, instead maximises
/// the evidence with hyperpriors by a numerical optimiser. One eigendecomposition of
/// Phi^T Phi (Jacobi rotations) serves every iteration and the predictions.
public struct BayesianLinearRegression: Sendable {
  /// Prior precision of the weights.
  public private(set) var alpha: Double
  /// Noise precision.
  public private(set) var beta: Double
  /// Posterior mean of the weights.
  public private(set) var weights: [Double]
  /// Basis functions per row.
  public let width: Int
  private let eigenvectors: [Double]
  private let eigenvalues: [Double]

  /// Fits on `features` (`targets.count x width`, row-major).
  ///
  /// - Precondition: `features.count == targets.count * width`, at least one row.
  public init(features: [Double], targets: [Double], width: Int, maximumIterations: Int = 200) {
    precondition(
      width > 0 && !targets.isEmpty && features.count == targets.count * width,
      "BayesianLinearRegression: \(features.count) features for \(targets.count) rows of \(width)")
    let n = targets.count
    self.width = width
    var gram = [Double](repeating: 0, count: width * width)
    var projected = [Double](repeating: 0, count: width)
    for row in 0..<n {
      let base = row * width
      for i in 0..<width {
        let fi = features[base + i]
        guard fi != 0 else { continue }
        projected[i] += fi * targets[row]
        for j in i..<width { gram[i * width + j] += fi * features[base + j] }
      }
    }
    for i in 0..<width { for j in 0..<i { gram[i * width + j] = gram[j * width + i] } }
    let (values, vectors) = symmetricEigen(gram, size: width)
    eigenvalues = values.map { max($0, 0) }
    eigenvectors = vectors
    // Phi^T y in the eigenbasis.
    var rotated = [Double](repeating: 0, count: width)
    for k in 0..<width { for i in 0..<width { rotated[k] += vectors[i * width + k] * projected[i] } }
    var alpha = 1.0
    let variance = targets.map { $0 * $0 }.reduce(0, +) / Double(n)
    var beta = 1 / max(variance, 1e-6)
    var weightsInBasis = [Double](repeating: 0, count: width)
    for _ in 0..<maximumIterations {
      for k in 0..<width { weightsInBasis[k] = beta * rotated[k] / (alpha + beta * eigenvalues[k]) }
      let gamma = eigenvalues.reduce(0) { $0 + beta * $1 / (alpha + beta * $1) }
      let squaredNorm = weightsInBasis.reduce(0) { $0 + $1 * $1 }
      var residual = 0.0
      let mean = Self.weights(fromBasis: weightsInBasis, vectors: vectors, width: width)
      for row in 0..<n {
        var prediction = 0.0
        for i in 0..<width { prediction += features[row * width + i] * mean[i] }
        residual += (targets[row] - prediction) * (targets[row] - prediction)
      }
      let newAlpha = min(max(gamma / max(squaredNorm, 1e-300), 1e-10), 1e10)
      let newBeta = min(max((Double(n) - gamma) / max(residual, 1e-300), 1e-10), 1e10)
      let converged = abs(newAlpha - alpha) <= 1e-6 * alpha && abs(newBeta - beta) <= 1e-6 * beta
      (alpha, beta) = (newAlpha, newBeta)
      if converged { break }
    }
    for k in 0..<width { weightsInBasis[k] = beta * rotated[k] / (alpha + beta * eigenvalues[k]) }
    self.alpha = alpha
    self.beta = beta
    self.weights = Self.weights(fromBasis: weightsInBasis, vectors: vectors, width: width)
  }

  private static func weights(fromBasis basis: [Double], vectors: [Double], width: Int) -> [Double] {
    var result = [Double](repeating: 0, count: width)
    for i in 0..<width { for k in 0..<width { result[i] += vectors[i * width + k] * basis[k] } }
    return result
  }

  /// `width x width` row-major matrix L with L L^T = A^-1 (the posterior covariance of the
  /// weights): column k is eigenvector k over sqrt(alpha + beta lambda_k). The predictive
  /// variance of a row phi is 1/beta + |phi^T L|^2, which a matrix product computes for many
  /// rows at once.
  public var covarianceFactor: [Double] {
    var factor = eigenvectors
    for k in 0..<width {
      let scale = 1 / (alpha + beta * eigenvalues[k]).squareRoot()
      for i in 0..<width { factor[i * width + k] *= scale }
    }
    return factor
  }

  /// The predictive mean and variance (noise included, 1/beta + phi^T A^-1 phi) of each row
  /// of `features` (`rows x width`).
  public func predict(features: [Double]) -> (mean: [Double], variance: [Double]) {
    let rows = features.count / width
    var means = [Double](repeating: 0, count: rows)
    var variances = [Double](repeating: 1 / beta, count: rows)
    for row in 0..<rows {
      let base = row * width
      var mean = 0.0
      for i in 0..<width { mean += features[base + i] * weights[i] }
      means[row] = mean
      var spread = 0.0
      for k in 0..<width {
        var component = 0.0
        for i in 0..<width { component += eigenvectors[i * width + k] * features[base + i] }
        spread += component * component / (alpha + beta * eigenvalues[k])
      }
      variances[row] += spread
    }
    return (means, variances)
  }
}

/// Eigenvalues and eigenvectors (columns of a row-major `size x size` matrix) of a symmetric
/// matrix, by cyclic Jacobi rotations until the off-diagonal mass is negligible.
func symmetricEigen(_ matrix: [Double], size n: Int) -> (values: [Double], vectors: [Double]) {
  var a = matrix
  var v = [Double](repeating: 0, count: n * n)
  for i in 0..<n { v[i * n + i] = 1 }
  let total = a.reduce(0) { $0 + $1 * $1 }
  for _ in 0..<50 {
    var off = 0.0
    for i in 0..<n { for j in 0..<n where i != j { off += a[i * n + j] * a[i * n + j] } }
    if off <= 1e-22 * max(total, 1e-300) { break }
    for p in 0..<n {
      for q in (p + 1)..<max(n, p + 1) {
        let apq = a[p * n + q]
        guard abs(apq) > 1e-300 else { continue }
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<n {
          let akp = a[k * n + p]
          let akq = a[k * n + q]
          a[k * n + p] = c * akp - s * akq
          a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {
          let apk = a[p * n + k]
          let aqk = a[q * n + k]
          a[p * n + k] = c * apk - s * aqk
          a[q * n + k] = s * apk + c * aqk
        }
        for k in 0..<n {
          let vkp = v[k * n + p]
          let vkq = v[k * n + q]
          v[k * n + p] = c * vkp - s * vkq
          v[k * n + q] = s * vkp + c * vkq
        }
      }
    }
  }
  return ((0..<n).map { a[$0 * n + $0] }, v)
}
