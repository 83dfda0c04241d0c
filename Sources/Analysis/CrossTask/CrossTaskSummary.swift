import Randomness
import Results

/// How the methods of a run compare over all its tasks at once: average rank and normalised
/// regret with bootstrap intervals, the Friedman test and the Nemenyi critical difference.
///
/// Conventions (stated in every report that shows it):
/// - Methods: those with trials on every analysed task; tasks without queries are left out.
/// - Blocks: one per (task, trial index) that every such method has. In a block the methods are
///   ranked by `report_of_best_signal` at the task's last checkpoint (rank 1 is the highest,
///   ties share their average rank); trials of one index share a seed, so a block is a paired
///   comparison. The average rank is the mean over all blocks (Friedman's mean rank).
/// - Normalised regret: (optimum - value) / (optimum - top-1 % threshold) of the task, so 0 is
///   the optimum and 1 the top-1 % threshold; it is averaged over the trials of a task, then
///   over tasks with equal weight. Tasks whose top-1 % threshold equals their optimum are left
///   out of it (and named in `regretExcluded`).
/// - Intervals: percentile bootstrap that resamples trial indices within each task (stratified),
///   with the run's bootstrap samples, confidence and seed.
/// - Critical difference: Nemenyi, CD = q(alpha, k) / sqrt(2) * sqrt(k (k + 1) / (6 N)) with
///   N blocks and alpha 0.05 (Demšar, JMLR 2006); methods whose average ranks differ by less
///   than CD are joined in a clique. Read it only when the Friedman test rejects.
public struct CrossTaskSummary: Hashable, Sendable {
  /// One method's row.
  public struct Row: Hashable, Sendable {
    /// Method label.
    public var method: String
    /// Mean rank over all blocks (1 is best).
    public var averageRank: Double
    /// Bootstrap interval of the average rank.
    public var rankLower: Double
    /// Upper end of that interval.
    public var rankUpper: Double
    /// Mean over tasks of the mean normalised regret (NaN when no task allows it).
    public var normalisedRegret: Double
    /// Bootstrap interval of the normalised regret.
    public var regretLower: Double
    /// Upper end of that interval.
    public var regretUpper: Double
  }

  /// A task compared and the checkpoint its blocks are taken at.
  public struct TaskCheckpoint: Hashable, Sendable {
    /// Task name.
    public var name: String
    /// The task's last checkpoint (query count).
    public var checkpoint: Int
  }

  /// The tasks compared, in suite order.
  public var tasks: [TaskCheckpoint]
  /// Rows in suite order of the methods.
  public var rows: [Row]
  /// Number of blocks (task, trial index).
  public var blocks: Int
  /// Tasks left out of the normalised regret (top-1 % threshold equal to the optimum).
  public var regretExcluded: [String]
  /// The Friedman test over the blocks.
  public var friedman: FriedmanTest
  /// Significance level of the critical difference.
  public var alpha: Double
  /// The Nemenyi critical difference of average ranks.
  public var criticalDifference: Double
  /// Groups of methods (indices into `rows`, by increasing average rank) whose average ranks
  /// lie within one critical difference: maximal groups of two or more.
  public var cliques: [[Int]]
  /// Confidence level of the intervals.
  public var confidence: Double
}

extension CrossTaskSummary {
  /// The summary of `tasks`, or `nil` when fewer than two methods share every task with
  /// queries, or no trial index is shared.
  ///
  /// - Complexity: O(samples * blocks * methods).
  public init?(tasks analyses: [TaskAnalysis], methods: [String], settings: ReportSettings, alpha: Double = 0.05) {
    let used = analyses.filter { $0.queryCount > 0 && $0.checkpoints.last != nil }
    guard !used.isEmpty else { return nil }
    let shared = methods.filter { method in used.allSatisfy { $0.methods.contains(method) } }
    guard shared.count >= 2 else { return nil }
    let k = shared.count
    // Per task: the block values (trial index -> one value per method), in trial order.
    var taskBlocks: [[(ranks: [Double], regrets: [Double])]] = []
    var taskList: [TaskCheckpoint] = []
    var excluded: [String] = []
    for task in used {
      guard let checkpoint = task.checkpoints.last else { continue }
      let byMethod = shared.map { method in
        Dictionary(
          task.trialCurves.filter { $0.cell.method == method && $0.queries > 0 }.map { ($0.cell.trial, $0) },
          uniquingKeysWith: { first, _ in first })
      }
      var common = Set(byMethod[0].keys)
      for other in byMethod.dropFirst() { common.formIntersection(other.keys) }
      let trials = common.sorted()
      guard !trials.isEmpty else { continue }
      let optimum = task.task.optimumReport
      let gap = optimum - task.task.topPercentReport
      if !(gap > 0) { excluded.append(task.task.name) }
      let blocks = trials.map { trial in
        let values = byMethod.map { $0[trial]?.value(.bestSignal, atQuery: checkpoint) ?? -Double.infinity }
        let regrets = values.map { gap > 0 && $0.isFinite ? (optimum - $0) / gap : Double.nan }
        return (ranks: AverageRanks.of(values.map { $0.isNaN ? -Double.infinity : $0 }, descending: true), regrets: regrets)
      }
      taskBlocks.append(blocks)
      taskList.append(TaskCheckpoint(name: task.task.name, checkpoint: checkpoint))
    }
    guard !taskBlocks.isEmpty else { return nil }
    let allRanks = taskBlocks.flatMap { $0.map(\.ranks) }
    let n = allRanks.count

    func statistics(_ sample: [[Int]]) -> (ranks: [Double], regrets: [Double]) {
      var rankSums = [Double](repeating: 0, count: k)
      var count = 0
      var regretMeans = [Double](repeating: 0, count: k)
      var regretTasks = 0
      for (taskIndex, picks) in sample.enumerated() {
        let blocks = taskBlocks[taskIndex]
        var taskRegret = [Double](repeating: 0, count: k)
        for pick in picks {
          for j in 0..<k {
            rankSums[j] += blocks[pick].ranks[j]
            taskRegret[j] += blocks[pick].regrets[j]
          }
          count += 1
        }
        if !excluded.contains(taskList[taskIndex].name) {
          for j in 0..<k { regretMeans[j] += taskRegret[j] / Double(picks.count) }
          regretTasks += 1
        }
      }
      return (
        rankSums.map { $0 / Double(count) },
        regretMeans.map { regretTasks > 0 ? $0 / Double(regretTasks) : .nan }
      )
    }

    let observed = statistics(taskBlocks.map { Array($0.indices) })
    var rng = SeededGenerator(seed: settings.bootstrapSeed).derived("cross-task")
    var rankDraws = [[Double]](repeating: [], count: k)
    var regretDraws = [[Double]](repeating: [], count: k)
    for _ in 0..<settings.bootstrapSamples {
      let sample = taskBlocks.map { blocks in (0..<blocks.count).map { _ in rng.nextInt(below: blocks.count) } }
      let drawn = statistics(sample)
      for j in 0..<k {
        rankDraws[j].append(drawn.ranks[j])
        regretDraws[j].append(drawn.regrets[j])
      }
    }
    let tail = (1 - settings.confidence) / 2
    func interval(_ draws: [Double]) -> (Double, Double) {
      let sorted = draws.filter { !$0.isNaN }.sorted()
      guard !sorted.isEmpty else { return (.nan, .nan) }
      return (Summary.quantile(sorted: sorted, tail), Summary.quantile(sorted: sorted, 1 - tail))
    }
    rows = shared.indices.map { j in
      let ranks = interval(rankDraws[j])
      let regrets = interval(regretDraws[j])
      return Row(
        method: shared[j], averageRank: observed.ranks[j], rankLower: ranks.0, rankUpper: ranks.1,
        normalisedRegret: observed.regrets[j], regretLower: regrets.0, regretUpper: regrets.1)
    }
    tasks = taskList
    blocks = n
    regretExcluded = excluded
    friedman = FriedmanTest(ranks: allRanks)
    self.alpha = alpha
    confidence = settings.confidence
    let kd = Double(k)
    criticalDifference =
      StudentizedRange.criticalValue(groups: k, alpha: alpha) / 2.0.squareRoot() * (kd * (kd + 1) / (6 * Double(n))).squareRoot()
    cliques = Self.cliques(ranks: observed.ranks, criticalDifference: criticalDifference)
  }

  /// Maximal runs of methods (by increasing rank) spanning less than `criticalDifference`.
  static func cliques(ranks: [Double], criticalDifference: Double) -> [[Int]] {
    let order = ranks.indices.sorted { ranks[$0] < ranks[$1] || (ranks[$0] == ranks[$1] && $0 < $1) }
    var result: [[Int]] = []
    var lastEnd = -1
    for start in order.indices {
      var end = start
      while end + 1 < order.count && ranks[order[end + 1]] - ranks[order[start]] < criticalDifference { end += 1 }
      if end > start && end > lastEnd {
        result.append(Array(order[start...end]))
        lastEnd = end
      }
    }
    return result
  }
}
