/// A method's current best guess (e.g. its predictor's top-1), logged apart from the queries.
///
/// Recommendations never enter the main incumbent curves; they let published numbers that
/// count a predictor's top-1 as found (WeakNAS) be compared under the same convention.
public struct RecommendationRecord: Hashable, Sendable, Codable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Trial index.
  public var trial: Int
  /// Number of counted queries made when the recommendation was given.
  public var afterQuery: Int
  /// Pool index of the recommended architecture.
  public var poolIndex: Int
  /// Canonical key of the recommended architecture.
  public var key: String
  /// Report metric of the recommended architecture (NaN when it has no label).
  public var report: Double

  /// Creates a record.
  public init(task: String, method: String, trial: Int, afterQuery: Int, poolIndex: Int, key: String, report: Double) {
    self.task = task
    self.method = method
    self.trial = trial
    self.afterQuery = afterQuery
    self.poolIndex = poolIndex
    self.key = key
    self.report = report
  }
}
