import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor

/// A multilayer perceptron regressor on a fixed-length architecture encoding.
///
/// The predictor of WeakNAS (Wu, Dai, Chen, Wang and Zhang, 2021, "Stronger NAS with Weaker
/// Predictors", NeurIPS, <https://arxiv.org/abs/2102.10490>) and, as ensemble members, of
/// BANANAS (White, Neiswanger and Savani, 2021, "BANANAS: Bayesian Optimization with Neural
/// Architectures for Neural Architecture Search", AAAI, <https://arxiv.org/abs/1910.11858>).
/// Inputs are rows of an `ArchitectureFeatures` (an `EncodedDomain` or an embedding), the
/// output is one value per row;
/// targets are z-scored over the training set (`TargetScaling`) and predictions are returned in
/// target units. Each `fit` starts from freshly initialised weights, as both sources do.
///
/// Differences from the sources: scikit-learn's L2 term skips biases and scikit-learn
/// initialises biases randomly, here the penalty covers every parameter and biases start at 0;
/// BANANAS trains on raw validation losses, here on z-scored signals (MAE is scale-equivariant,
/// so only the optimiser's effective step size differs). WeakNAS standardises with statistics
/// of the whole table; here only the labelled set is used, so no label leaks.
public final class MLPRegressor: Predictor {
  /// The architectures' input rows.
  public let features: any ArchitectureFeatures
  /// Shape and training settings.
  public let configuration: Configuration
  private var network: MLP?
  private var scaling = TargetScaling([])
  /// Epochs run by the last `fit` (fewer than `configuration.epochs` when it stopped early).
  public private(set) var epochsRun = 0
  /// Mean training loss of the last epoch of the last `fit` (on z-scored targets).
  public private(set) var finalLoss: Float = .infinity

  /// A regressor reading its input rows from `features`.
  public init(features: any ArchitectureFeatures, configuration: Configuration) {
    self.features = features
    self.configuration = configuration
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "MLPRegressor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard !poolIndices.isEmpty else { return }
    let width = features.width
    let rows = features.features(of: poolIndices)
    scaling = TargetScaling(targets)
    let y = scaling.standardized(targets)
    let network = MLP(sizes: [width] + configuration.hiddenSizes + [1], initialization: configuration.initialization, using: &rng)
    let optimizer = Optimizer(Adam(beta2: configuration.beta2), learningRate: configuration.learningRate)
    let loop = TrainingLoop(epochs: configuration.epochs, batchSize: configuration.batchSize, earlyStopping: configuration.stopping)
    let outcome = loop.run(exampleCount: poolIndices.count, parameters: network.parameters, optimizer: optimizer, using: &rng) { batch, rng in
      var x = [Float](repeating: 0, count: batch.count * width)
      for (position, row) in batch.enumerated() {
        for j in 0..<width { x[position * width + j] = rows[row * width + j] }
      }
      let input = Tensor(shape: [batch.count, width], scalars: x)
      let target = Tensor(shape: [batch.count, 1], scalars: batch.map { y[$0] })
      let prediction = network(input, mode: .training, using: &rng)
      let loss: Tensor
      switch configuration.loss {
      case .meanSquaredError: loss = Loss.meanSquaredError(prediction, target) * 0.5
      case .meanAbsoluteError: loss = Loss.meanAbsoluteError(prediction, target)
      }
      // scikit-learn divides its L2 term by the batch size.
      optimizer.rule.weightDecay = .coupled(configuration.l2 / Float(batch.count))
      return BatchLoss(loss, weight: Float(batch.count))
    }
    epochsRun = outcome.epochsRun
    finalLoss = outcome.finalLoss
    self.network = network
  }

  /// Predictions in target units, one per architecture (0 before the first `fit`).
  ///
  /// Runs in chunks of 4,096 rows, one matrix product per layer and chunk.
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let network else { return Array(repeating: 0, count: poolIndices.count) }
    var result: [Double] = []
    result.reserveCapacity(poolIndices.count)
    withoutGradients {
      for start in stride(from: 0, to: poolIndices.count, by: 4096) {
        let chunk = Array(poolIndices[start..<min(start + 4096, poolIndices.count)])
        let input = Tensor(shape: [chunk.count, features.width], scalars: features.features(of: chunk))
        result += network(input).scalars.map(scaling.restored)
      }
    }
    return result
  }
}
