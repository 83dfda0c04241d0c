import Results

/// Everything computed from a run's records: the input of every report.
///
/// Built from the log alone, so `nasarena report` on a run folder gives the same analysis as
/// the run that wrote it. Deterministic: the same records give the same values, bit for bit.
public struct RunAnalysis: Sendable {
  /// The run's manifest (suite, commit, machine, times, report settings).
  public var manifest: RunManifest
  /// Method labels in suite order.
  public var methods: [String]
  /// One analysis per task with a task record, in suite order.
  public var tasks: [TaskAnalysis]
  /// Task names found in the log without a task record; they have no optimum, so they are not
  /// analysed, and reports name them.
  public var tasksWithoutRecord: [String]
  /// What generating methods produced, per task, method and round (empty when no method
  /// reported generations).
  public var generationRounds: [GenerationRound]
  /// Generated token frequencies against each task's top 1 % and domain, per task and
  /// generating method that reported token counts (empty when none did, or when the task
  /// records predate signatures).
  public var signatures: [GeneratedSignature]
  /// Average rank, normalised regret, Friedman test and critical difference over all tasks;
  /// `nil` when fewer than two methods share every task.
  public var crossTask: CrossTaskSummary?
  /// Training-loss series per task, method, round and series (empty when no method reported
  /// loss curves).
  public var lossRounds: [LossCurveRound]

  /// Analyses a run.
  ///
  /// - Complexity: the sum of `TaskAnalysis.init` over the tasks.
  public init(records: RunRecords) {
    manifest = records.manifest
    methods = records.methods
    let recommendations = Dictionary(grouping: records.recommendations, by: \.task)
    let closing = Dictionary(grouping: records.trials, by: \.task)
    tasks = records.tasks.map { task in
      TaskAnalysis(
        task: task, methods: records.methods, queries: records.queries,
        recommendations: recommendations[task.name] ?? [], closing: closing[task.name] ?? [],
        settings: records.manifest.report)
    }
    let known = Set(records.tasks.map(\.name))
    tasksWithoutRecord = Set(records.queries.cells.map(\.task)).union(closing.keys).subtracting(known).sorted()
    generationRounds = GenerationRound.all(records.generations)
    signatures = GeneratedSignature.all(tasks: records.tasks, methods: records.methods, records: records.generations)
    lossRounds = LossCurveRound.all(records.generations)
    crossTask = CrossTaskSummary(tasks: tasks, methods: records.methods, settings: records.manifest.report)
  }

  /// The report settings of the run.
  public var settings: ReportSettings { manifest.report }
}
