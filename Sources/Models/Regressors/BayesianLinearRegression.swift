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
/// the evidence with hyperpriors by a numerical optimiser. One eigendecomposition serves every
/// iteration and the predictions: of Phi^T Phi (`width x width`, Jacobi rotations) when there
/// are at least `width` rows; with fewer rows, of the smaller Phi Phi^T (`rows x rows`), whose
/// eigenvectors map to those of Phi^T Phi with a nonzero eigenvalue (the other directions of
/// Phi^T Phi have eigenvalue 0 and keep the prior). DNGO's first fits have 16 to 50 rows of
/// 129 basis functions: there the small decomposition halved arch2vec-BO's search time, and
/// its results differ from the large one's by rounding (the large one gives the zero
/// eigenvalues as rounding noise, which then counts as a little evidence).
public struct BayesianLinearRegression: Sendable {
  /// Prior precision of the weights.
  public private(set) var alpha: Double
  /// Noise precision.
  public private(set) var beta: Double
  /// Posterior mean of the weights.
  public private(set) var weights: [Double]
  /// Basis functions per row.
  public let width: Int
  /// Orthonormal eigenvectors of Phi^T Phi, the columns of a `width x rank` row-major matrix;
  /// directions outside their span have eigenvalue 0.
  private let eigenvectors: [Double]
  /// The eigenvalue of each column of `eigenvectors`.
  private let eigenvalues: [Double]
  /// Columns of `eigenvectors`: `width`, or fewer when there are fewer rows than `width`.
  private let rank: Int

  /// Fits on `features` (`targets.count x width`, row-major).
  ///
  /// - Precondition: `features.count == targets.count * width`, at least one row.
  public init(features: [Double], targets: [Double], width: Int, maximumIterations: Int = 200) {
    precondition(
      width > 0 && !targets.isEmpty && features.count == targets.count * width,
      "BayesianLinearRegression: \(features.count) features for \(targets.count) rows of \(width)")
    let n = targets.count
    self.width = width
    var projected = [Double](repeating: 0, count: width)
    for row in 0..<n {
      for i in 0..<width { projected[i] += features[row * width + i] * targets[row] }
    }
    let (values, vectors) = n < width ? Self.rowSpaceEigen(features, rows: n, width: width) : Self.gramEigen(features, rows: n, width: width)
    let rank = values.count
    self.rank = rank
    eigenvalues = values
    eigenvectors = vectors
    // Phi^T y in the eigenbasis (zero along directions of eigenvalue 0, which Phi^T y avoids).
    var rotated = [Double](repeating: 0, count: rank)
    for k in 0..<rank { for i in 0..<width { rotated[k] += vectors[i * rank + k] * projected[i] } }
    var alpha = 1.0
    let variance = targets.map { $0 * $0 }.reduce(0, +) / Double(n)
    var beta = 1 / max(variance, 1e-6)
    var weightsInBasis = [Double](repeating: 0, count: rank)
    for _ in 0..<maximumIterations {
      for k in 0..<rank { weightsInBasis[k] = beta * rotated[k] / (alpha + beta * eigenvalues[k]) }
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
    for k in 0..<rank { weightsInBasis[k] = beta * rotated[k] / (alpha + beta * eigenvalues[k]) }
    self.alpha = alpha
    self.beta = beta
    self.weights = Self.weights(fromBasis: weightsInBasis, vectors: vectors, width: width)
  }

  /// The coefficients `basis` (one per column of `vectors`, `width x basis.count`) as weights.
  private static func weights(fromBasis basis: [Double], vectors: [Double], width: Int) -> [Double] {
    let rank = basis.count
    var result = [Double](repeating: 0, count: width)
    for i in 0..<width { for k in 0..<rank { result[i] += vectors[i * rank + k] * basis[k] } }
    return result
  }

  /// Every eigenpair of Phi^T Phi (`width` of them, eigenvalues clamped at 0).
  private static func gramEigen(_ features: [Double], rows n: Int, width: Int) -> (values: [Double], vectors: [Double]) {
    var gram = [Double](repeating: 0, count: width * width)
    for row in 0..<n {
      let base = row * width
      for i in 0..<width {
        let fi = features[base + i]
        guard fi != 0 else { continue }
        for j in i..<width { gram[i * width + j] += fi * features[base + j] }
      }
    }
    for i in 0..<width { for j in 0..<i { gram[i * width + j] = gram[j * width + i] } }
    let (values, vectors) = symmetricEigen(gram, size: width)
    return (values.map { max($0, 0) }, vectors)
  }

  /// The eigenpairs of Phi^T Phi with a nonzero eigenvalue, from those of Phi Phi^T (`n x n`):
  /// an eigenvector w of Phi Phi^T with eigenvalue lambda gives the eigenvector
  /// Phi^T w / sqrt(lambda) of Phi^T Phi with the same eigenvalue. Eigenvalues below 1e-12 of
  /// the largest are taken as 0 (their directions stay at the prior); the vectors kept are
  /// re-orthonormalised (modified Gram-Schmidt, largest eigenvalue first) against rounding.
  ///
  /// - Complexity: O(n^2 width + n^3 per Jacobi sweep).
  private static func rowSpaceEigen(_ features: [Double], rows n: Int, width: Int) -> (values: [Double], vectors: [Double]) {
    var kernel = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        var sum = 0.0
        for k in 0..<width { sum += features[i * width + k] * features[j * width + k] }
        kernel[i * n + j] = sum
        kernel[j * n + i] = sum
      }
    }
    let (values, small) = symmetricEigen(kernel, size: n)
    let largest = values.max() ?? 0
    let kept = (0..<n).filter { values[$0] > 1e-12 * largest }.sorted { values[$0] > values[$1] }
    var columns: [[Double]] = []
    var columnValues: [Double] = []
    for k in kept {
      var u = [Double](repeating: 0, count: width)
      for row in 0..<n {
        let coefficient = small[row * n + k]
        for i in 0..<width { u[i] += features[row * width + i] * coefficient }
      }
      for previous in columns {
        let overlap = zip(u, previous).reduce(0) { $0 + $1.0 * $1.1 }
        for i in 0..<width { u[i] -= overlap * previous[i] }
      }
      let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { continue }
      columns.append(u.map { $0 / norm })
      columnValues.append(values[k])
    }
    let rank = columns.count
    var vectors = [Double](repeating: 0, count: width * rank)
    for (k, column) in columns.enumerated() { for i in 0..<width { vectors[i * rank + k] = column[i] } }
    return (columnValues, vectors)
  }

  /// `width x width` row-major matrix L with L L^T = A^-1 (the posterior covariance of the
  /// weights). With every eigenvector, column k is eigenvector k over sqrt(alpha + beta
  /// lambda_k); with fewer, L is the symmetric square root I / sqrt(alpha) + U (D - I /
  /// sqrt(alpha)) U^T, D = diag(1 / sqrt(alpha + beta lambda_k)). The predictive variance of a
  /// row phi is 1/beta + |phi^T L|^2, which a matrix product computes for many rows at once.
  public var covarianceFactor: [Double] {
    guard rank < width else {
      var factor = eigenvectors
      for k in 0..<width {
        let scale = 1 / (alpha + beta * eigenvalues[k]).squareRoot()
        for i in 0..<width { factor[i * width + k] *= scale }
      }
      return factor
    }
    let prior = 1 / alpha.squareRoot()
    let excess = eigenvalues.map { 1 / (alpha + beta * $0).squareRoot() - prior }
    var factor = [Double](repeating: 0, count: width * width)
    for i in 0..<width {
      factor[i * width + i] = prior
      for j in 0..<width {
        var sum = 0.0
        for k in 0..<rank { sum += eigenvectors[i * rank + k] * excess[k] * eigenvectors[j * rank + k] }
        factor[i * width + j] += sum
      }
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
      var explained = 0.0
      for k in 0..<rank {
        var component = 0.0
        for i in 0..<width { component += eigenvectors[i * rank + k] * features[base + i] }
        spread += component * component / (alpha + beta * eigenvalues[k])
        explained += component * component
      }
      if rank < width {
        // The part of phi outside the eigenvectors' span has the prior variance 1 / alpha.
        let squaredNorm = (0..<width).reduce(0) { $0 + features[base + $1] * features[base + $1] }
        spread += max(squaredNorm - explained, 0) / alpha
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
