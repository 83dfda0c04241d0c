import Analysis

/// The few lines `nasarena run` prints when a run ends: per task, each method's final
/// `report_of_best_signal` (the report metric of its best-signal architecture at the end of the budget),
/// mean ± standard error over its finished trials, best first, with the task's optimum.
public enum HeadlineText {
  /// The headline of `analysis`, one block per task.
  public static func text(_ analysis: RunAnalysis) -> String {
    var text = ""
    for task in analysis.tasks {
      text += "\(task.task.name): final report_of_best_signal (report metric of the best-signal architecture), "
      text += "mean ± s.e.; optimum \(NumberFormat.fixed(task.task.optimumReport, 2))\n"
      var rows: [(method: String, mean: Double, standardError: Double, trials: Int, failed: Int)] = []
      for method in task.methods {
        let trials = task.trials.filter { $0.cell.method == method }
        let values = trials.filter { $0.status == "completed" || $0.status == "exhausted" }.map(\.finalBestSignal).filter(\.isFinite)
        let failed = trials.filter { $0.status == "failed" }.count
        guard !values.isEmpty else {
          rows.append((method, .nan, .nan, 0, failed))
          continue
        }
        let summary = Summary(values)
        rows.append((method, summary.mean, summary.stderr, values.count, failed))
      }
      rows.sort { ($0.mean.isNaN ? -Double.infinity : $0.mean) > ($1.mean.isNaN ? -Double.infinity : $1.mean) }
      let width = max(6, rows.map(\.method.count).max() ?? 0)
      for row in rows {
        let name = row.method.padding(toLength: width, withPad: " ", startingAt: 0)
        let spread = row.standardError.isNaN ? "–" : NumberFormat.fixed(row.standardError, 2)
        let value = row.mean.isNaN ? "   no finished trial" : "\(NumberFormat.fixed(row.mean, 2)) ± \(spread)"
        let failed = row.failed > 0 ? ", \(row.failed) failed" : ""
        text += "  \(name)  \(value)  (\(row.trials) trials\(failed))\n"
      }
    }
    return text
  }
}
