import Models
import SearchSpaces

extension BRPNAS {
  /// The predictor BRP-NAS searches with.
  public enum PredictorKind: String, Sendable, Hashable, Codable, CaseIterable, SettingChoice {
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
    /// The GCN and its training, as the decoded settings set them (defaults: `GCNTraining()`).
    public var training = GCNTraining()
    /// Factor on the signals inside the binary target softmax.
    public var targetScale: Float = 1

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      [
        Setting(\.roundSize, "roundSize", "architectures per round; round 0 is random", in: 1...1_000_000),
        Setting(
          \.exploitCount, "exploitCount",
          "best-predicted unqueried architectures per round, at most roundSize; the rest come from the predicted top 1/2^i",
          in: 0...1_000_000, probe: 3),
        Setting(\.predictor, "predictor", "the predictor that ranks the domain"),
        Setting(\.training.layers, "layers", "GCN layers", in: 1...64, quick: 2),
        Setting(\.training.hiddenSize, "hiddenSize", "GCN width", in: 1...8192, quick: 32),
        Setting(\.training.dropout, "dropout", "dropout after each GCN layer", in: 0..<1, probe: 0.5),
        Setting(\.training.learningRate, "learningRate", "AdamW learning rate (cosine schedule over the epochs)", in: .greaterThan(0, atMost: 10)),
        Setting(\.training.weightDecay, "weightDecay", "AdamW weight decay", in: 0...1_000, probe: 0.5),
        Setting(\.training.epochs, "epochs", "maximum training epochs per round", in: 1...100_000, quick: 15),
        Setting(\.training.patience, "patience", "early-stopping patience in epochs", in: 1...100_000, quick: 3, probe: 1),
        Setting(\.training.patienceStart, "patienceStart", "first epoch at which early stopping may trigger", in: 1...100_000, quick: 2, probe: 8),
        Setting(
          \.training.tolerance, "tolerance", "decrease of the mean training loss that counts as an improvement", in: 0...1_000_000,
          probe: 10),
        Setting(
          \.training.graphsPerStep, "graphsPerStep", "labelled graphs per training step, all ordered pairs among them used",
          in: 2...4096, quick: 8),
        Setting(
          \.targetScale, "targetScale", "factor on the signals in the binary target softmax", in: .greaterThan(0, atMost: 1_000_000), probe: 20),
      ]
    }

    public func validate() throws {
      try require(exploitCount <= roundSize, "exploitCount", exploitCount, expected: "an integer in 0...roundSize (\(roundSize))")
      let weights = training.layers * training.hiddenSize * training.hiddenSize
      try require(
        weights <= ModelSize.maximumWeights, "hiddenSize", training.hiddenSize,
        expected: "at most \(ModelSize.maximumWeights) GCN weights in all (layers x hiddenSize^2 = \(weights))")
    }
  }
}
