/// Everything a run folder records, read back into memory for analysis.
public struct RunRecords: Sendable {
  /// The run's manifest.
  public var manifest: RunManifest
  /// One record per task of the suite, in suite order.
  public var tasks: [TaskRecord]
  /// Method labels in suite order.
  public var methods: [String]
  /// Every counted query, sorted by cell then query number, stored as columns.
  public var queries: QueryTable
  /// Every recommendation, sorted by cell then query count.
  public var recommendations: [RecommendationRecord]
  /// One closing record per finished trial, sorted by cell.
  public var trials: [TrialRecord]
  /// Every generation report, sorted by cell then step.
  public var generations: [GenerationRecord]

  /// Creates records; sorts the lines into canonical order.
  public init(
    manifest: RunManifest, tasks: [TaskRecord], methods: [String], queries: [QueryRecord],
    recommendations: [RecommendationRecord], trials: [TrialRecord], generations: [GenerationRecord] = []
  ) {
    self.init(
      manifest: manifest, tasks: tasks, methods: methods, queries: QueryTable(queries), recommendations: recommendations,
      trials: trials, generations: generations)
  }

  /// Creates records from a query table (canonical already); sorts the other lines into
  /// canonical order.
  public init(
    manifest: RunManifest, tasks: [TaskRecord], methods: [String], queries: QueryTable,
    recommendations: [RecommendationRecord], trials: [TrialRecord], generations: [GenerationRecord] = []
  ) {
    self.manifest = manifest
    self.tasks = tasks
    self.methods = methods
    self.queries = queries
    self.recommendations = recommendations.sorted { ($0.task, $0.method, $0.trial, $0.afterQuery) < ($1.task, $1.method, $1.trial, $1.afterQuery) }
    self.trials = trials.sorted { $0.cell < $1.cell }
    self.generations = generations.sorted { ($0.cell, $0.batch) < ($1.cell, $1.batch) }
  }
}
