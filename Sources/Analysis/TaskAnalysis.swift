import Results

/// Everything computed for one task of a run.
///
/// Query-count curves run from 1 to `queryCount`, the largest query count of any trial of the
/// task; trials that ended earlier carry their last value forward. Comparisons (Wilcoxon,
/// bootstrap, tables) use `checkpoints`: the run's checkpoints that are at most `queryCount`,
/// or just `queryCount` when none is.
public struct TaskAnalysis: Sendable {
  /// The task.
  public var task: TaskRecord
  /// Methods with at least one trial on this task, in suite order.
  public var methods: [String]
  /// Largest query count of any trial of the task.
  public var queryCount: Int
  /// Query counts at which methods are compared.
  public var checkpoints: [Int]
  /// Every trial, by method (suite order) then trial index.
  public var trials: [TrialOutcome]
  /// The incumbent series of every trial with queries, by method (suite order) then trial
  /// index: the per-trial view and the cross-task summary read them.
  public var trialCurves: [TrialCurve]
  /// `report_of_best_signal` and `oracle_max` at every query count, by method, curve, query.
  public var curves: [CurvePoint]
  /// The seconds grid (empty when the task has no costs).
  public var secondsGrid: [Double]
  /// `report_of_best_signal` and `oracle_max` on the seconds grid, by method, curve, time.
  public var secondsCurves: [CurvePoint]
  /// Queries to each target under each convention, by method, target, convention.
  public var queriesToTarget: [QueriesToTarget]
  /// Wilcoxon tests between every pair of methods at every checkpoint.
  public var comparisons: [PairedComparison]
  /// Average rank of each method at every query count.
  public var ranks: [RankPoint]
  /// Bootstrap intervals of mean `report_of_best_signal` at every checkpoint.
  public var bootstrap: [BootstrapInterval]
  /// `oracle_max` with recommendations, for methods that recommended (empty otherwise).
  public var recommendations: [CurvePoint]
  /// Proposal statistics per method.
  public var proposals: [ProposalStatistics]

  /// Analyses one task.
  ///
  /// - Parameters:
  ///   - task: the task's record (optimum and thresholds).
  ///   - methods: candidate method labels in suite order; methods without trials on the task
  ///     are left out, labels found only in the records are appended in sorted order.
  ///   - queries: the run's queries (only the task's are read).
  ///   - recommendations: the task's recommendations.
  ///   - closing: the task's trial records.
  ///   - settings: the run's report settings.
  /// - Complexity: O(methods^2 * checkpoints * trials log trials + methods * queryCount *
  ///   trials log trials + bootstrap samples * trials * methods * checkpoints).
  public init(
    task: TaskRecord, methods: [String], queries: QueryTable, recommendations: [RecommendationRecord],
    closing: [TrialRecord], settings: ReportSettings
  ) {
    self.task = task
    var queriesByCell: [TrialCell: Int] = [:]
    for (index, cell) in queries.cells.enumerated() where cell.task == task.name { queriesByCell[cell] = index }
    let recommendationsByCell = Dictionary(grouping: recommendations) {
      TrialCell(task: $0.task, method: $0.method, trial: $0.trial)
    }
    let recordsByCell = Dictionary(closing.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
    let cells = Set(queriesByCell.keys).union(recordsByCell.keys)
    let present = Set(cells.map(\.method))
    self.methods = methods.filter(present.contains) + present.subtracting(methods).sorted()

    var curvesByMethod: [(String, [TrialCurve])] = []
    var outcomes: [TrialOutcome] = []
    for method in self.methods {
      var curves: [TrialCurve] = []
      for cell in cells.filter({ $0.method == method }).sorted() {
        let curve = queriesByCell[cell].map { index in
          TrialCurve(
            cell: cell, rows: queries.rows(ofCell: index), of: queries, recommendations: recommendationsByCell[cell] ?? [])
        }
        if let curve { curves.append(curve) }
        outcomes.append(TrialOutcome(cell: cell, curve: curve, record: recordsByCell[cell]))
      }
      curvesByMethod.append((method, curves))
    }
    trials = outcomes
    trialCurves = curvesByMethod.flatMap(\.1)

    let allCurves = curvesByMethod.flatMap(\.1)
    let queryCount = allCurves.map(\.queries).max() ?? 0
    self.queryCount = queryCount
    let wanted = Set(settings.checkpoints.filter { $0 >= 1 && $0 <= queryCount }).sorted()
    let checkpoints = wanted.isEmpty && queryCount > 0 ? [queryCount] : wanted
    self.checkpoints = checkpoints

    let name = task.name
    let optimum = task.optimumReport
    curves = CurvePoint.onQueries(
      task: name, optimum: optimum, queryCount: queryCount, curvesByMethod: curvesByMethod,
      kinds: CurveKind.incumbents)
    self.recommendations = CurvePoint.onQueries(
      task: name, optimum: optimum, queryCount: queryCount, curvesByMethod: curvesByMethod, kinds: [.recommended])
    secondsGrid = SecondsGrid.make(for: allCurves, points: settings.secondsGridPoints)
    secondsCurves = CurvePoint.onSeconds(
      task: name, optimum: optimum, grid: secondsGrid, curvesByMethod: curvesByMethod)
    queriesToTarget = curvesByMethod.flatMap { method, curves in
      QueriesToTarget.Target.allCases.flatMap { target in
        CurveKind.incumbents.map { convention in
          QueriesToTarget(
            task: name, method: method, target: target, convention: convention,
            threshold: target.threshold(of: task), curves: curves)
        }
      }
    }
    comparisons = PairedComparison.all(task: name, checkpoints: checkpoints, curvesByMethod: curvesByMethod)
    ranks = RankPoint.all(task: name, queryCount: queryCount, curvesByMethod: curvesByMethod)
    bootstrap = BootstrapInterval.all(
      task: name, checkpoints: checkpoints, curvesByMethod: curvesByMethod, samples: settings.bootstrapSamples,
      confidence: settings.confidence, seed: settings.bootstrapSeed)
    proposals = self.methods.map { method in
      ProposalStatistics(task: name, method: method, outcomes: outcomes.filter { $0.cell.method == method })
    }
  }
}
