/// How a run's records are turned into tables and plots (the suite's `report:` block).
///
/// Stored in the run manifest, so `nasarena report` reproduces a run's outputs from its
/// folder alone.
public struct ReportSettings: Hashable, Sendable, Codable {
  /// What the shaded band around a mean curve shows.
  public enum Band: String, Hashable, Sendable, Codable, CaseIterable {
    /// Mean plus and minus the standard error of the mean (default).
    case stderr
    /// Mean plus and minus the standard deviation across trials.
    case std
  }

  /// The optional per-trial view of each task's `report_of_best_signal` curves.
  public enum TrialView: String, Hashable, Sendable, Codable, CaseIterable {
    /// No per-trial plot (default).
    case none
    /// One plot per method with every trial as a thin line and the mean on top.
    case lines
    /// One plot with each method's median and interquartile band.
    case quartiles
  }

  /// Query counts at which methods are compared (Wilcoxon tests, bootstrap intervals, tables).
  public var checkpoints: [Int]
  /// The band drawn around mean curves.
  public var band: Band
  /// Whether regret plots use a logarithmic y axis.
  public var logRegret: Bool
  /// Number of points of the seconds grid for time-budget curves.
  public var secondsGridPoints: Int
  /// Bootstrap resamples for confidence intervals.
  public var bootstrapSamples: Int
  /// Confidence level of the bootstrap intervals, in (0, 1).
  public var confidence: Double
  /// Seed of the bootstrap resampling.
  public var bootstrapSeed: UInt64
  /// The per-trial view drawn in `report.html`.
  public var trialView: TrialView

  /// Creates settings; the defaults are the ones a suite without a `report:` block gets.
  public init(
    checkpoints: [Int] = [10, 25, 50, 100, 150, 200], band: Band = .stderr, logRegret: Bool = true,
    secondsGridPoints: Int = 100, bootstrapSamples: Int = 2000, confidence: Double = 0.95,
    bootstrapSeed: UInt64 = 0, trialView: TrialView = .none
  ) {
    self.checkpoints = checkpoints
    self.band = band
    self.logRegret = logRegret
    self.secondsGridPoints = secondsGridPoints
    self.bootstrapSamples = bootstrapSamples
    self.confidence = confidence
    self.bootstrapSeed = bootstrapSeed
    self.trialView = trialView
  }

  private enum CodingKeys: String, CodingKey {
    case checkpoints, band, logRegret, secondsGridPoints, bootstrapSamples, confidence, bootstrapSeed, trialView
  }

  /// Decodes a manifest's settings; `trialView` is absent from manifests written before it
  /// existed and then reads as `none`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    checkpoints = try container.decode([Int].self, forKey: .checkpoints)
    band = try container.decode(Band.self, forKey: .band)
    logRegret = try container.decode(Bool.self, forKey: .logRegret)
    secondsGridPoints = try container.decode(Int.self, forKey: .secondsGridPoints)
    bootstrapSamples = try container.decode(Int.self, forKey: .bootstrapSamples)
    confidence = try container.decode(Double.self, forKey: .confidence)
    bootstrapSeed = try container.decode(UInt64.self, forKey: .bootstrapSeed)
    trialView = try container.decodeIfPresent(TrialView.self, forKey: .trialView) ?? .none
  }

  /// Encodes the settings; `trialView` only when it is not `none`, so suites that do not set it
  /// keep the resolved form and hash they had before it existed.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(checkpoints, forKey: .checkpoints)
    try container.encode(band, forKey: .band)
    try container.encode(logRegret, forKey: .logRegret)
    try container.encode(secondsGridPoints, forKey: .secondsGridPoints)
    try container.encode(bootstrapSamples, forKey: .bootstrapSamples)
    try container.encode(confidence, forKey: .confidence)
    try container.encode(bootstrapSeed, forKey: .bootstrapSeed)
    if trialView != .none { try container.encode(trialView, forKey: .trialView) }
  }
}
