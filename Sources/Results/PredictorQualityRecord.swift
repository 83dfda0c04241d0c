/// How well one predictor, trained on n random labelled architectures with one seed, ranks
/// the rest of the domain (a row of `predictor_quality.csv`).
public struct PredictorQualityRecord: Hashable, Sendable, Codable {
  /// Task name.
  public var task: String
  /// Method label whose predictor this is.
  public var predictor: String
  /// Labelled architectures trained on.
  public var trainingSize: Int
  /// Seed index (the split and the predictor's randomness); paired across predictors.
  public var seed: Int
  /// Architectures tested on (the rest of the domain).
  public var testSize: Int
  /// Kendall's tau-b between predictions and search signals on the test set.
  public var kendallTau: Double
  /// Spearman's rho on the test set.
  public var spearmanRho: Double
  /// Precision@T on the test set, by T.
  public var precision: [String: Double]
  /// Wall-clock seconds of training.
  public var fitSeconds: Double

  /// Creates a record.
  public init(
    task: String, predictor: String, trainingSize: Int, seed: Int, testSize: Int, kendallTau: Double,
    spearmanRho: Double, precision: [String: Double], fitSeconds: Double
  ) {
    self.task = task
    self.predictor = predictor
    self.trainingSize = trainingSize
    self.seed = seed
    self.testSize = testSize
    self.kendallTau = kendallTau
    self.spearmanRho = spearmanRho
    self.precision = precision
    self.fitSeconds = fitSeconds
  }
}
