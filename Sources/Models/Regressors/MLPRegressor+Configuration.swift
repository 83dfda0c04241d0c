import NeuralNetworks

extension MLPRegressor {
  /// The loss an MLP regressor minimises.
  public enum LossKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mean squared error, reported as half of it (scikit-learn's `squared_loss`).
    case meanSquaredError = "mse"
    /// Mean absolute error (BANANAS's `mae`).
    case meanAbsoluteError = "mae"
  }

  /// How an MLP regressor is shaped and trained.
  ///
  /// The two presets are the published ones: `weakNAS` (scikit-learn's `MLPRegressor` as the
  /// WeakNAS code uses it) and `bananas` (the BANANAS meta neural network).
  public struct Configuration: Sendable, Equatable {
    /// Hidden layer widths (ReLU after each).
    public var hiddenSizes: [Int]
    /// Training epochs (passes over the labelled set), at most.
    public var epochs: Int
    /// Mini-batch size (`min(batchSize, n)` is used).
    public var batchSize: Int
    /// Adam learning rate.
    public var learningRate: Float
    /// Adam's second-moment decay.
    public var beta2: Float
    /// L2 penalty `alpha` as scikit-learn applies it: the gradient gains `alpha * w / batch`.
    public var l2: Float
    /// The loss.
    public var loss: LossKind
    /// Weight initialisation.
    public var initialization: Initialization
    /// Early stopping on the epoch's mean training loss; `nil` trains every epoch.
    public var stopping: EarlyStopping?

    /// A configuration.
    public init(
      hiddenSizes: [Int], epochs: Int, batchSize: Int, learningRate: Float, beta2: Float = 0.999, l2: Float = 0,
      loss: LossKind, initialization: Initialization = .glorotUniform, stopping: EarlyStopping? = nil
    ) {
      self.hiddenSizes = hiddenSizes
      self.epochs = epochs
      self.batchSize = batchSize
      self.learningRate = learningRate
      self.beta2 = beta2
      self.l2 = l2
      self.loss = loss
      self.initialization = initialization
      self.stopping = stopping
    }

    /// WeakNAS (Wu et al. 2021): 4 hidden layers of 1000, Adam 1e-3, L2 1e-4, batch
    /// min(200, n), at most 100 epochs with scikit-learn's stopping rule, squared loss.
    public static var weakNAS: Configuration {
      Configuration(
        hiddenSizes: [1000, 1000, 1000, 1000], epochs: 100, batchSize: 200, learningRate: 1e-3, l2: 1e-4,
        loss: .meanSquaredError, stopping: .scikitLearn(patience: 10, tolerance: 1e-4))
    }

    /// BANANAS (White et al. 2021): 10 hidden layers of 20, Adam 0.01 with beta2 0.99,
    /// batch 32, 150 epochs, mean absolute error.
    public static var bananas: Configuration {
      Configuration(
        hiddenSizes: Array(repeating: 20, count: 10), epochs: 150, batchSize: 32, learningRate: 0.01, beta2: 0.99,
        loss: .meanAbsoluteError)
    }
  }
}
