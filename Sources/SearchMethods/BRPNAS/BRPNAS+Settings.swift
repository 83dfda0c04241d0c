import Models

extension BRPNAS {
  /// The predictor BRP-NAS searches with.
  public enum PredictorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The binary relation predictor (the method's own).
    case binaryRelation = "binary-relation"
    /// The unary GCN regressor with the L1 loss (the paper's comparison).
    case unary
  }

  /// BRP-NAS's settings (defaults: the published ones).
  public struct Settings: MethodSettings {
    /// Architectures queried per round (round 0 is random).
    public var roundSize = 20
    /// Of each later round, the best-predicted unqueried architectures; the rest are drawn from
    /// the predicted top 1/2^i of the domain.
    public var exploitCount = 10
    /// Which predictor ranks the domain.
    public var predictor = PredictorKind.binaryRelation
    /// GCN layers.
    public var layers = 4
    /// GCN width.
    public var hiddenSize = 600
    /// Dropout after each GCN layer.
    public var dropout = 0.2
    /// AdamW learning rate (cosine schedule).
    public var learningRate = 3.5e-4
    /// AdamW weight decay.
    public var weightDecay = 5e-4
    /// Maximum training epochs per round.
    public var epochs = 250
    /// Early-stopping patience in epochs.
    public var patience = 35
    /// First epoch at which early stopping may trigger.
    public var patienceStart = 20
    /// Decrease of the mean training loss that resets the patience.
    public var tolerance = 1e-3
    /// Labelled graphs per training step (all ordered pairs among them are used).
    public var graphsPerStep = 16
    /// Factor on the signals inside the binary target softmax.
    public var targetScale = 1.0

    /// The defaults.
    public init() {}

    /// The GCN training these settings describe.
    public var training: GCNTraining {
      var training = GCNTraining()
      training.layers = layers
      training.hiddenSize = hiddenSize
      training.dropout = Float(dropout)
      training.learningRate = Float(learningRate)
      training.weightDecay = Float(weightDecay)
      training.epochs = epochs
      training.patience = patience
      training.patienceStart = patienceStart
      training.graphsPerStep = graphsPerStep
      training.tolerance = Float(tolerance)
      return training
    }

    public static var help: [SettingHelp] {
      [
        SettingHelp("roundSize", "architectures per round, >= 1 (20; round 0 is random)"),
        SettingHelp("exploitCount", "best-predicted unqueried architectures per round, 0...roundSize (10); the rest come from the predicted top 1/2^i"),
        SettingHelp("predictor", "binary-relation or unary (binary-relation)"),
        SettingHelp("layers", "GCN layers, >= 1 (4)"),
        SettingHelp("hiddenSize", "GCN width, >= 1 (600)"),
        SettingHelp("dropout", "dropout after each GCN layer, in [0, 1) (0.2)"),
        SettingHelp("learningRate", "AdamW learning rate, > 0 (0.00035; cosine schedule over the epochs)"),
        SettingHelp("weightDecay", "AdamW weight decay, >= 0 (0.0005)"),
        SettingHelp("epochs", "maximum training epochs per round, >= 1 (250)"),
        SettingHelp("patience", "early-stopping patience in epochs, >= 1 (35)"),
        SettingHelp("patienceStart", "first epoch at which early stopping may trigger, >= 1 (20)"),
        SettingHelp("tolerance", "decrease of the mean training loss that counts as an improvement, >= 0 (0.001)"),
        SettingHelp("graphsPerStep", "labelled graphs per training step, all ordered pairs among them used, >= 2 (16)"),
        SettingHelp("targetScale", "factor on the signals in the binary target softmax, > 0 (1)"),
      ]
    }

    public func validate() throws {
      try requirePositive(roundSize, "roundSize")
      try require(exploitCount >= 0 && exploitCount <= roundSize, "exploitCount", exploitCount, expected: "an integer in 0...roundSize (\(roundSize))")
      try requirePositive(layers, "layers")
      try requirePositive(hiddenSize, "hiddenSize")
      try require(dropout >= 0 && dropout < 1, "dropout", dropout, expected: "a number in [0, 1)")
      try require(learningRate > 0, "learningRate", learningRate, expected: "a number > 0")
      try require(weightDecay >= 0, "weightDecay", weightDecay, expected: "a number >= 0")
      try requirePositive(epochs, "epochs")
      try requirePositive(patience, "patience")
      try requirePositive(patienceStart, "patienceStart")
      try require(tolerance >= 0, "tolerance", tolerance, expected: "a number >= 0")
      try require(graphsPerStep >= 2, "graphsPerStep", graphsPerStep, expected: "an integer >= 2")
      try require(targetScale > 0, "targetScale", targetScale, expected: "a number > 0")
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
      case roundSize, exploitCount, predictor, layers, hiddenSize, dropout, learningRate, weightDecay, epochs, patience
      case patienceStart, tolerance, graphsPerStep, targetScale
    }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self.init()
      roundSize = try container.decode(.roundSize, default: roundSize)
      exploitCount = try container.decode(.exploitCount, default: exploitCount)
      predictor = try container.decode(.predictor, default: predictor)
      layers = try container.decode(.layers, default: layers)
      hiddenSize = try container.decode(.hiddenSize, default: hiddenSize)
      dropout = try container.decode(.dropout, default: dropout)
      learningRate = try container.decode(.learningRate, default: learningRate)
      weightDecay = try container.decode(.weightDecay, default: weightDecay)
      epochs = try container.decode(.epochs, default: epochs)
      patience = try container.decode(.patience, default: patience)
      patienceStart = try container.decode(.patienceStart, default: patienceStart)
      tolerance = try container.decode(.tolerance, default: tolerance)
      graphsPerStep = try container.decode(.graphsPerStep, default: graphsPerStep)
      targetScale = try container.decode(.targetScale, default: targetScale)
    }
  }
}
