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

  /// Creates settings; the defaults are the ones a suite without a `report:` block gets.
  public init(
    checkpoints: [Int] = [10, 25, 50, 100, 150, 200], band: Band = .stderr, logRegret: Bool = true,
    secondsGridPoints: Int = 100, bootstrapSamples: Int = 2000, confidence: Double = 0.95,
    bootstrapSeed: UInt64 = 0
  ) {
    self.checkpoints = checkpoints
    self.band = band
    self.logRegret = logRegret
    self.secondsGridPoints = secondsGridPoints
    self.bootstrapSamples = bootstrapSamples
    self.confidence = confidence
    self.bootstrapSeed = bootstrapSeed
  }
}
