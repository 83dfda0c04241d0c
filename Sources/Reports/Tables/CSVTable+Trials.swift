import Analysis

extension CSVTable {
  /// `trials.csv`: one row per trial with its final incumbents and proposal statistics
  /// (refusals in all and by reason: invalid, valid but not in the pool, in the pool but
  /// outside the domain).
  ///
  /// Trials without a closing record have status `unfinished` and empty record fields.
  static func trials(_ analysis: RunAnalysis) -> CSVTable {
    var table = CSVTable(
      name: "trials.csv",
      header: [
        "task", "method", "trial", "seed", "status", "queries", "final_report_of_best_signal", "final_oracle_max",
        "final_regret_of_best_signal", "final_regret_oracle_max", "cost_seconds", "proposals", "refused",
        "refused_invalid", "refused_not_in_pool", "refused_outside_domain", "repeats",
        "repeats_in_batch", "batches", "valid_rate", "method_seconds", "message",
      ])
    for task in analysis.tasks {
      let optimum = task.task.optimumReport
      for outcome in task.trials {
        let record = outcome.record
        let counts = [
          record?.proposals, record?.refused, record?.refusedInvalid, record?.refusedNotInPool, record?.refusedOutsideDomain,
          record?.repeats, record?.repeatsInBatch, record?.batches,
        ]
        .map { $0.map(String.init) ?? "" }
        table.append(
          [
            outcome.cell.task, outcome.cell.method, String(outcome.cell.trial), record.map { String($0.seed) } ?? "",
            outcome.status, String(outcome.queries), NumberFormat.csv(outcome.finalBestSignal),
            NumberFormat.csv(outcome.finalOracleMax), NumberFormat.csv(optimum - outcome.finalBestSignal),
            NumberFormat.csv(optimum - outcome.finalOracleMax), NumberFormat.csv(outcome.finalCumulativeCost),
          ] + counts + [
            record.map { NumberFormat.csv($0.validRate) } ?? "", record.map { NumberFormat.csv($0.methodSeconds) } ?? "",
            record?.message ?? "",
          ])
      }
    }
    return table
  }
}
