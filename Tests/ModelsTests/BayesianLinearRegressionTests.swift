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
