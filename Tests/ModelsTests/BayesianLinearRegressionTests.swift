import Models
import Randomness
import Testing

@Suite struct BayesianLinearRegressionTests {
  /// y = Phi w + noise of standard deviation 0.1 (precision 100): the evidence maximum puts
  /// beta near 100 and the posterior mean near w.
  @Test func evidenceMaximisationRecoversTheNoiseLevel() {
    var rng = SeededGenerator(seed: 7)
    let (n, width) = (800, 6)
    let truth = [0.5, -1.0, 2.0, 0.0, 0.3, -0.7]
    var features: [Double] = []
    var targets: [Double] = []
    for _ in 0..<n {
      let row = (0..<width).map { _ in rng.nextNormal() }
      features += row
      targets.append(zip(row, truth).map(*).reduce(0, +) + 0.1 * rng.nextNormal())
    }
    let regression = BayesianLinearRegression(features: features, targets: targets, width: width)
    #expect(abs(regression.beta - 100) < 15, "beta \(regression.beta)")
    for (fitted, expected) in zip(regression.weights, truth) { #expect(abs(fitted - expected) < 0.02) }
    // The predictive variance is the noise plus the (small) weight uncertainty.
    let (mean, variance) = regression.predict(features: [1, 0, 0, 0, 0, 0])
    #expect(abs(mean[0] - 0.5) < 0.02)
    #expect(variance[0] > 1 / regression.beta && variance[0] < 1.1 / regression.beta)
  }

  /// Pure noise around a constant: the evidence drives alpha up (weights to 0) and beta to
  /// the inverse noise variance.
  @Test func noSignalGivesSmallWeights() {
    var rng = SeededGenerator(seed: 3)
    let (n, width) = (400, 4)
    var features: [Double] = []
    var targets: [Double] = []
    for _ in 0..<n {
      features += (0..<width).map { _ in rng.nextNormal() }
      targets.append(0.5 * rng.nextNormal())
    }
    let regression = BayesianLinearRegression(features: features, targets: targets, width: width)
    #expect(abs(1 / regression.beta.squareRoot() - 0.5) < 0.06, "noise sd \(1 / regression.beta.squareRoot())")
    #expect(regression.weights.allSatisfy { abs($0) < 0.1 })
  }

  /// Fewer rows than basis functions (DNGO's first fits: 16 to 50 rows of 129): the fit,
  /// computed from the small Phi Phi^T, is checked against the definitions with A = alpha I +
  /// beta Phi^T Phi solved directly: the posterior mean beta A^-1 Phi^T y, MacKay's fixed point
  /// for alpha and beta, the predictive variance 1/beta + phi^T A^-1 phi and L L^T = A^-1.
  @Test(arguments: [(rows: 12, width: 30), (rows: 29, width: 30), (rows: 45, width: 60)])
  func fewerRowsThanBasisFunctionsMatchTheDefinitions(rows n: Int, width: Int) throws {
    var rng = SeededGenerator(seed: UInt64(n * 100 + width))
    let features = (0..<(n * width)).map { _ in rng.nextNormal() }
    let targets = (0..<n).map { row in features[row * width] - 0.5 * features[row * width + 1] + 0.1 * rng.nextNormal() }
    let regression = BayesianLinearRegression(features: features, targets: targets, width: width)
    let (alpha, beta) = (regression.alpha, regression.beta)
    #expect(beta < 1e9, "beta \(beta): the rows are interpolated and the noise level is not determined; pick other sizes")
    var precision = [Double](repeating: 0, count: width * width)
    for i in 0..<width {
      precision[i * width + i] = alpha
      for j in 0..<width { for row in 0..<n { precision[i * width + j] += beta * features[row * width + i] * features[row * width + j] } }
    }
    let covariance = try #require(Self.inverse(precision, size: width))
    let projected = (0..<width).map { i in (0..<n).reduce(0.0) { $0 + features[$1 * width + i] * targets[$1] } }
    let mean = (0..<width).map { i in beta * (0..<width).reduce(0.0) { $0 + covariance[i * width + $1] * projected[$1] } }
    for (fitted, expected) in zip(regression.weights, mean) { #expect(abs(fitted - expected) < 1e-8, "\(fitted) vs \(expected)") }
    // gamma = width - alpha tr(A^-1); alpha = gamma / |m|^2; 1/beta = |y - Phi m|^2 / (n - gamma).
    let gamma = Double(width) - alpha * (0..<width).reduce(0.0) { $0 + covariance[$1 * width + $1] }
    let squaredNorm = mean.reduce(0) { $0 + $1 * $1 }
    let residual = (0..<n).reduce(0.0) { sum, row in
      let prediction = (0..<width).reduce(0.0) { $0 + features[row * width + $1] * mean[$1] }
      return sum + (targets[row] - prediction) * (targets[row] - prediction)
    }
    #expect(abs(alpha - gamma / squaredNorm) < 1e-4 * alpha, "alpha \(alpha), fixed point \(gamma / squaredNorm)")
    #expect(abs(beta - (Double(n) - gamma) / residual) < 1e-4 * beta, "beta \(beta), fixed point \((Double(n) - gamma) / residual)")
    let probe = (0..<width).map { _ in rng.nextNormal() }
    let spread = (0..<width).reduce(0.0) { sum, i in sum + probe[i] * (0..<width).reduce(0.0) { $0 + covariance[i * width + $1] * probe[$1] } }
    let expectedVariance = 1 / beta + spread
    let (_, variance) = regression.predict(features: probe)
    #expect(abs(variance[0] - expectedVariance) < 1e-8 * expectedVariance, "\(variance[0]) vs \(expectedVariance)")
    let factor = regression.covarianceFactor
    for i in 0..<width {
      for j in 0..<width {
        let product = (0..<width).reduce(0.0) { $0 + factor[i * width + $1] * factor[j * width + $1] }
        #expect(abs(product - covariance[i * width + j]) < 1e-9 * (1 + abs(covariance[i * width + j])))
      }
    }
  }

  /// 40 rows of 129 basis functions that the weights can interpolate: beta runs to its bound,
  /// and the fit and its predictions stay finite with positive variances.
  @Test func interpolatedRowsGiveFinitePredictions() {
    var rng = SeededGenerator(seed: 40 * 100 + 129)
    let (n, width) = (40, 129)
    let features = (0..<(n * width)).map { _ in rng.nextNormal() }
    let targets = (0..<n).map { row in features[row * width] - 0.5 * features[row * width + 1] + 0.1 * rng.nextNormal() }
    let regression = BayesianLinearRegression(features: features, targets: targets, width: width)
    #expect(regression.beta == 1e10 && regression.alpha.isFinite && regression.weights.allSatisfy { $0.isFinite })
    let (mean, variance) = regression.predict(features: Array(features[0..<(3 * width)]) + (0..<width).map { _ in rng.nextNormal() })
    #expect(zip(mean.prefix(3), targets).allSatisfy { abs($0 - $1) < 1e-4 }, "\(mean) \(targets.prefix(3))")
    #expect(variance.allSatisfy { $0 > 0 && $0.isFinite } && variance[3] > 100 * variance[0])
    #expect(regression.covarianceFactor.allSatisfy { $0.isFinite })
  }

  /// The inverse of a `size x size` row-major matrix by Gauss-Jordan elimination with partial
  /// pivoting (an independent check of the regression's eigendecomposition), `nil` if singular.
  static func inverse(_ matrix: [Double], size n: Int) -> [Double]? {
    var a = matrix
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n { result[i * n + i] = 1 }
    for column in 0..<n {
      guard let pivot = (column..<n).max(by: { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }), a[pivot * n + column] != 0 else { return nil }
      for k in 0..<n {
        a.swapAt(column * n + k, pivot * n + k)
        result.swapAt(column * n + k, pivot * n + k)
      }
      let scale = 1 / a[column * n + column]
      for k in 0..<n {
        a[column * n + k] *= scale
        result[column * n + k] *= scale
      }
      for row in 0..<n where row != column {
        let factor = a[row * n + column]
        guard factor != 0 else { continue }
        for k in 0..<n {
          a[row * n + k] -= factor * a[column * n + k]
          result[row * n + k] -= factor * result[column * n + k]
        }
      }
    }
    return result
  }

  @Test func dngoFitsASmoothFunctionOfItsInputs() throws {
    var rng = SeededGenerator(seed: 1)
    let count = 200
    let inputs = (0..<(count * 2)).map { _ in Float(rng.nextNormal()) }
    let targets: [Double] = (0..<count).map { row in
      let first = Double(inputs[row * 2])
      let second = Double(inputs[row * 2 + 1])
      return 2 * first + second * second
    }
    var configuration = DNGORegressor.Configuration()
    configuration.hiddenSize = 32
    configuration.epochs = 60
    let model = DNGORegressor(inputs: inputs, width: 2, configuration: configuration)
    let training = Array(0..<150)
    try model.fit(poolIndices: training, targets: training.map { targets[$0] }, using: &rng)
    let held = Array(150..<count)
    let (mean, variance) = model.predictiveDistribution(poolIndices: held)
    let truth: [Double] = held.map { targets[$0] }
    var error = 0.0
    var spread = 0.0
    for (predicted, actual) in zip(mean, truth) {
      error += (predicted - actual) * (predicted - actual) / Double(held.count)
      spread += actual * actual / Double(held.count)
    }
    #expect(error < 0.1 * spread, "held-out MSE \(error) against mean square \(spread)")
    #expect(variance.allSatisfy { $0 > 0 && $0.isFinite })
  }
}
