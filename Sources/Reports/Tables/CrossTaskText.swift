import Analysis

/// The cross-task summary as a table, its CSV and the sentences that state its conventions.
enum CrossTaskText {
  /// One row per method: average rank and normalised regret with their intervals.
  static func table(_ summary: CrossTaskSummary) -> SummaryTable {
    let level = NumberFormat.fixed(summary.confidence * 100, 0) + " %"
    var table = SummaryTable(header: [
      "method", "average rank", "rank \(level) interval", "normalised regret", "regret \(level) interval",
    ])
    let bestRank = summary.rows.map(\.averageRank).min()
    let bestRegret = summary.rows.map(\.normalisedRegret).filter { !$0.isNaN }.min()
    for row in summary.rows {
      table.append([
        SummaryTable.Cell(row.method),
        SummaryTable.Cell(NumberFormat.fixed(row.averageRank, 2), emphasized: row.averageRank == bestRank),
        SummaryTable.Cell(interval(row.rankLower, row.rankUpper, decimals: 2)),
        SummaryTable.Cell(NumberFormat.fixed(row.normalisedRegret, 3), emphasized: row.normalisedRegret == bestRegret),
        SummaryTable.Cell(interval(row.regretLower, row.regretUpper, decimals: 3)),
      ])
    }
    return table
  }

  /// What was compared and how, and the Friedman and Nemenyi results.
  static func note(_ summary: CrossTaskSummary) -> String {
    let tasks = summary.tasks.map { "\($0.name) @ \($0.checkpoint)" }.joined(separator: ", ")
    var text =
      "\(summary.rows.count) methods on \(summary.tasks.count) task\(summary.tasks.count == 1 ? "" : "s") (\(tasks) queries), "
      + "\(summary.blocks) blocks (task, trial index: the trials of one index share a seed). In each block the methods are "
      + "ranked by `report_of_best_signal` at the task's last checkpoint (1 is best, ties share their average rank); "
      + "average rank is the mean over blocks. Normalised regret is (optimum − value) / (optimum − top-1 % threshold): "
      + "0 is the optimum, 1 the top-1 % threshold; mean over trials, then over tasks with equal weight. Intervals: "
      + "percentile bootstrap over trial indices within each task. "
    if !summary.regretExcluded.isEmpty {
      text += "Left out of the normalised regret (top-1 % threshold equal to the optimum): "
      text += summary.regretExcluded.joined(separator: ", ") + ". "
    }
    text += "Friedman χ² = \(NumberFormat.fixed(summary.friedman.statistic, 2)) (\(summary.rows.count - 1) d.f.), "
    text += "p = \(NumberFormat.significant(summary.friedman.pValue, 3)). "
    text += "Nemenyi critical difference at α = \(NumberFormat.fixed(summary.alpha, 2)): "
    text += NumberFormat.fixed(summary.criticalDifference, 3) + " in average rank"
    if summary.friedman.pValue >= summary.alpha {
      text += "; the Friedman test does not reject equal ranks at this level, so no difference below is established."
    } else if summary.cliques.isEmpty {
      text += "; every pair of methods differs by more than it."
    } else {
      let groups = summary.cliques.map { group in group.map { summary.rows[$0].method }.joined(separator: ", ") }
      text += "; not distinguishable from each other: " + groups.map { "{\($0)}" }.joined(separator: "; ") + "."
    }
    return text
  }

  /// `cross_task.csv`: one row per method.
  static func csv(_ summary: CrossTaskSummary) -> CSVTable {
    var table = CSVTable(
      name: "cross_task.csv",
      header: [
        "method", "average_rank", "rank_ci_lower", "rank_ci_upper", "normalised_regret", "regret_ci_lower",
        "regret_ci_upper", "tasks", "blocks", "friedman_statistic", "friedman_p", "critical_difference", "confidence",
      ])
    for row in summary.rows {
      table.append(
        [row.method]
          + [row.averageRank, row.rankLower, row.rankUpper, row.normalisedRegret, row.regretLower, row.regretUpper].map(
            NumberFormat.csv)
          + [String(summary.tasks.count), String(summary.blocks)]
          + [summary.friedman.statistic, summary.friedman.pValue, summary.criticalDifference, summary.confidence].map(
            NumberFormat.csv))
    }
    return table
  }

  private static func interval(_ lower: Double, _ upper: Double, decimals: Int) -> String {
    guard lower.isFinite, upper.isFinite else { return "–" }
    return NumberFormat.fixed(lower, decimals) + " – " + NumberFormat.fixed(upper, decimals)
  }
}
