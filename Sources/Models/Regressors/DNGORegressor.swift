import NeuralNetworks
import Randomness
import Tensor

/// DNGO: a neural network whose last hidden layer is the basis of a Bayesian linear
/// regression, giving a predictive mean and variance for Bayesian optimisation.
///
/// Source: Snoek et al., ICML 2015, "Scalable Bayesian Optimization Using Deep Neural
/// Networks", as arch2vec's BO uses it (Yan et al., NeurIPS 2020, code MSU-MLSys-Lab/arch2vec):
/// one tanh hidden layer of `hiddenSize` (128) and a linear output, trained by Adam (0.01) on
/// the mean squared error in batches of 10 for 100 epochs, from fresh weights at every `fit`;
/// inputs standardised per dimension with the training rows' statistics, targets z-scored.
/// The Bayesian linear regression (`BayesianLinearRegression`) then runs on the hidden
/// features plus a constant 1, with alpha and beta maximising the evidence.
///
/// Differences from the source: glorot-uniform initial weights (PyTorch's default differs);
/// the evidence is maximised by fixed-point iterations without pybnn's hyperpriors.
public final class DNGORegressor: Predictor {
  /// How the network is shaped and trained.
  public struct Configuration: Sendable, Hashable, Codable {
    /// Width of the tanh hidden layer.
    public var hiddenSize = 128
    /// Training epochs per fit.
    public var epochs = 100
    /// Rows per mini-batch.
    public var batchSize = 10
    /// Adam's learning rate.
    public var learningRate: Float = 0.01
    /// The source's settings.
    public init() {}
  }

  /// Every architecture's input row, `count x width` row-major by pool index.
  public let inputs: [Float]
  /// Values per input row.
  public let width: Int
  /// Shape and training.
  public let configuration: Configuration
  private var network: MLP?
  private var regression: BayesianLinearRegression?
  private var inputMean: [Float] = []
  private var inputScale: [Float] = []
  private var scaling = TargetScaling([])

  /// A regressor reading row `poolIndex` of `inputs` (`width` values each).
  public init(inputs: [Float], width: Int, configuration: Configuration = Configuration()) {
    precondition(width > 0 && inputs.count % width == 0, "DNGORegressor: \(inputs.count) inputs are not rows of \(width)")
    self.inputs = inputs
    self.width = width
    self.configuration = configuration
  }

  /// The fitted noise precision and weight precision, `nil` before the first `fit`.
  public var evidenceHyperparameters: (alpha: Double, beta: Double)? { regression.map { ($0.alpha, $0.beta) } }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "DNGORegressor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard !poolIndices.isEmpty else { return }
    let n = poolIndices.count
    inputMean = [Float](repeating: 0, count: width)
    inputScale = [Float](repeating: 1, count: width)
    for j in 0..<width {
      let column = poolIndices.map { Double(inputs[$0 * width + j]) }
      let mean = column.reduce(0, +) / Double(n)
      let deviation = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
      inputMean[j] = Float(mean)
      inputScale[j] = deviation > 1e-12 ? Float(deviation) : 1
    }
    let x = standardizedRows(poolIndices)
    scaling = TargetScaling(targets)
    let y = scaling.standardized(targets)
    let network = MLP(sizes: [width, configuration.hiddenSize, 1], activation: .tanh, initialization: .glorotUniform, using: &rng)
    let optimizer = Optimizer(Adam(), learningRate: configuration.learningRate)
    let loop = TrainingLoop(epochs: configuration.epochs, batchSize: configuration.batchSize)
    _ = loop.run(exampleCount: n, parameters: network.parameters, optimizer: optimizer, using: &rng) { batch, rng in
      var rows = [Float](repeating: 0, count: batch.count * width)
      for (position, row) in batch.enumerated() {
        for j in 0..<width { rows[position * width + j] = x[row * width + j] }
      }
      let prediction = network(Tensor(shape: [batch.count, width], scalars: rows), mode: .training, using: &rng)
      let loss = Loss.meanSquaredError(prediction, Tensor(shape: [batch.count, 1], scalars: batch.map { y[$0] }))
      return BatchLoss(loss, weight: Float(batch.count))
    }
    self.network = network
    let features = basis(network: network, rows: x, count: n)
    regression = BayesianLinearRegression(features: features.map(Double.init), targets: y.map(Double.init), width: configuration.hiddenSize + 1)
  }

  /// Predictive means in target units (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    predictiveDistribution(poolIndices: poolIndices).mean
  }

  /// Predictive means and variances (noise included) in target units; before the first
  /// `fit`, means 0 and variances 1.
  ///
  /// Runs in chunks of 4,096 rows, two matrix products per chunk.
  public func predictiveDistribution(poolIndices: [Int]) -> (mean: [Double], variance: [Double]) {
    guard let network, let regression else {
      return (Array(repeating: 0, count: poolIndices.count), Array(repeating: 1, count: poolIndices.count))
    }
    let basisWidth = configuration.hiddenSize + 1
    let factor = Tensor(shape: [basisWidth, basisWidth], scalars: regression.covarianceFactor.map(Float.init))
    let weights = Tensor(shape: [basisWidth, 1], scalars: regression.weights.map(Float.init))
    let spread = scaling.standardDeviation
    var means: [Double] = []
    var variances: [Double] = []
    means.reserveCapacity(poolIndices.count)
    variances.reserveCapacity(poolIndices.count)
    withoutGradients {
      for start in stride(from: 0, to: poolIndices.count, by: 4096) {
        let chunk = Array(poolIndices[start..<min(start + 4096, poolIndices.count)])
        let phi = Tensor(shape: [chunk.count, basisWidth], scalars: basis(network: network, rows: standardizedRows(chunk), count: chunk.count))
        means += Tensor.matmul(phi, weights).scalars.map(scaling.restored)
        let projected = Tensor.matmul(phi, factor).scalars
        for row in 0..<chunk.count {
          var sum = 1 / regression.beta
          for k in 0..<basisWidth { sum += Double(projected[row * basisWidth + k] * projected[row * basisWidth + k]) }
          variances.append(sum * spread * spread)
        }
      }
    }
    return (means, variances)
  }

  /// The standardised input rows of `poolIndices`.
  private func standardizedRows(_ poolIndices: [Int]) -> [Float] {
    var rows = [Float](repeating: 0, count: poolIndices.count * width)
    for (position, index) in poolIndices.enumerated() {
      for j in 0..<width { rows[position * width + j] = (inputs[index * width + j] - inputMean[j]) / inputScale[j] }
    }
    return rows
  }

  /// The hidden tanh features of `count` standardised rows, each followed by a constant 1.
  private func basis(network: MLP, rows: [Float], count: Int) -> [Float] {
    let hidden = withoutGradients { network.layers[0](Tensor(shape: [count, width], scalars: rows), activation: .tanh).scalars }
    let h = configuration.hiddenSize
    var result = [Float](repeating: 1, count: count * (h + 1))
    for row in 0..<count {
      for j in 0..<h { result[row * (h + 1) + j] = hidden[row * h + j] }
    }
    return result
  }
}
