import Analysis
import Results

extension CSVTable {
  /// `trial_curves.csv`: every trial's incumbents after every query, one row per (task, method,
  /// trial, query), the columns named for what they hold.
  ///
  /// `report_of_best_signal` is the report metric of the architecture with the best search
  /// signal so far (the curve of that name), `best_report_seen` the best report metric queried
  /// so far (`oracle_max`), `cumulative_cost_s` the simulated training seconds spent.
  static func trialCurves(_ records: RunRecords) -> CSVTable {
    var table = CSVTable(
      name: "trial_curves.csv",
      header: ["task", "method", "trial", "query", "report_of_best_signal", "best_report_seen", "cumulative_cost_s"])
    let queries = records.queries
    for (index, cell) in queries.cells.enumerated() {
      let curve = TrialCurve(cell: cell, rows: queries.rows(ofCell: index), of: queries, recommendations: [])
      for index in 0..<curve.queries {
        table.append([
          cell.task, cell.method, String(cell.trial), String(index + 1), NumberFormat.csv(curve.bestSignal[index]),
          NumberFormat.csv(curve.oracleMax[index]), NumberFormat.csv(curve.cumulativeCost[index]),
        ])
      }
    }
    return table
  }

  /// `queries.csv`: the log's queries as a table, in canonical order (task, method, trial, query).
  static func queries(_ records: RunRecords) -> CSVTable {
    var table = CSVTable(
      name: "queries.csv",
      header: [
        "task", "method", "trial", "query", "pool_index", "key", "signal", "report", "cost_s", "cumulative_cost_s", "batch",
        "method_seconds", "initial",
      ])
    // The table is in canonical order already.
    for query in records.queries {
      table.append([
        query.task, query.method, String(query.trial), String(query.query), String(query.poolIndex), query.key,
        NumberFormat.csv(query.signal), NumberFormat.csv(query.report), NumberFormat.csv(query.cost),
        NumberFormat.csv(query.cumulativeCost), String(query.batch), NumberFormat.csv(query.methodSeconds), query.initial ? "true" : "false",
      ])
    }
    return table
  }
}

extension ReportWriter {
  /// Writes the tidy per-trial tables of `records` (`trial_curves.csv`, `queries.csv`) into
  /// `directory`, like `write(_:to:)` does (temporary names, then renames); returns their names.
  ///
  /// They are written on request (`nasarena report --tidy`), not with every report: a
  /// 100-trial suite's `trial_curves.csv` has a row per query of every trial.
  ///
  /// - Throws: `ReportError` when the folder or a file cannot be written.
  public static func writeTidy(_ records: RunRecords, to directory: String) throws -> [String] {
    try write([CSVTable.trialCurves(records), CSVTable.queries(records)].map { ($0.name, $0.text) }, to: directory)
  }
}
