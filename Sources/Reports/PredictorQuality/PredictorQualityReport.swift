import Analysis
import Results

/// The outputs of `nasarena predictors`: the raw records and a summary as CSV, a Markdown
/// table and a self-contained HTML page with one plot per metric and task (metric against
/// training size, one line per predictor, mean ± standard error over the paired seeds).
public enum PredictorQualityReport {
  /// The files' names and texts.
  ///
  /// - Parameter reconstructions: for each predictor label whose method is a reconstruction,
  ///   its note; printed above the tables.
  public static func contents(
    of analysis: PredictorQualityAnalysis, title: String, reconstructions: [String: String] = [:]
  ) -> [(name: String, text: String)] {
    let notes = reconstructions.sorted { $0.key < $1.key }
    return [
      ("predictor_quality.csv", recordsCSV(analysis).text),
      ("predictor_quality_summary.csv", summaryCSV(analysis).text),
      ("predictor_quality.md", markdown(analysis, title: title, notes: notes)),
      ("predictor_quality.html", html(analysis, title: title, notes: notes)),
    ]
  }

  /// Writes the files into `directory` (created if needed) and returns their names.
  ///
  /// - Throws: `ReportError` when the folder or a file cannot be written.
  @discardableResult
  public static func write(
    _ analysis: PredictorQualityAnalysis, title: String, reconstructions: [String: String] = [:], to directory: String
  ) throws -> [String] {
    try ReportWriter.write(contents(of: analysis, title: title, reconstructions: reconstructions), to: directory)
  }

  private static func recordsCSV(_ analysis: PredictorQualityAnalysis) -> CSVTable {
    var table = CSVTable(
      name: "predictor_quality.csv",
      header: ["task", "predictor", "training_size", "seed", "test_size", "kendall_tau", "spearman_rho"]
        + analysis.precisionAt.map { "precision_at_\($0)" } + ["fit_seconds"])
    for record in analysis.records {
      table.append(
        [
          record.task, record.predictor, String(record.trainingSize), String(record.seed), String(record.testSize),
          NumberFormat.csv(record.kendallTau), NumberFormat.csv(record.spearmanRho),
        ]
          + analysis.precisionAt.map { NumberFormat.csv(record.precision[String($0)] ?? .nan) }
          + [NumberFormat.csv(record.fitSeconds)])
    }
    return table
  }

  private static func summaryCSV(_ analysis: PredictorQualityAnalysis) -> CSVTable {
    let metrics = ["kendall_tau", "spearman_rho"] + analysis.precisionAt.map { "precision_at_\($0)" } + ["fit_seconds"]
    var table = CSVTable(
      name: "predictor_quality_summary.csv",
      header: ["task", "predictor", "training_size", "metric", "seeds", "mean", "std", "stderr", "median", "min", "max"])
    for row in analysis.rows {
      let summaries = [row.kendallTau, row.spearmanRho] + row.precision.map(\.summary) + [row.fitSeconds]
      for (metric, summary) in zip(metrics, summaries) {
        table.append(
          [row.task, row.predictor, String(row.trainingSize), metric, String(summary.count)]
            + [summary.mean, summary.std, summary.stderr, summary.median, summary.min, summary.max].map(NumberFormat.csv))
      }
    }
    return table
  }

  private static func summaryTable(_ analysis: PredictorQualityAnalysis, task: String) -> SummaryTable {
    var table = SummaryTable(
      header: ["predictor", "n", "seeds", "Kendall tau", "Spearman rho"] + analysis.precisionAt.map { "precision@\($0)" } + ["fit s"],
      textColumns: [0])
    for row in analysis.rows where row.task == task {
      func cell(_ summary: Summary) -> SummaryTable.Cell {
        SummaryTable.Cell(NumberFormat.fixed(summary.mean, 3) + " ± " + NumberFormat.fixed(summary.stderr, 3))
      }
      table.append(
        [
          SummaryTable.Cell(row.predictor), SummaryTable.Cell(String(row.trainingSize)), SummaryTable.Cell(String(row.kendallTau.count)),
          cell(row.kendallTau), cell(row.spearmanRho),
        ]
          + row.precision.map { cell($0.summary) } + [SummaryTable.Cell(NumberFormat.significant(row.fitSeconds.mean, 3))])
    }
    return table
  }

  private static let explanation = """
    Each predictor is trained on n architectures drawn uniformly from the domain (the same \
    splits for every predictor: paired seeds) and ranks the rest of the domain; mean ± standard \
    error over seeds of Kendall's tau-b and Spearman's rho between predicted scores and search \
    signals, and of precision@T (the share of the true top T found in the predicted top T).
    """

  private static func markdown(_ analysis: PredictorQualityAnalysis, title: String, notes: [(key: String, value: String)]) -> String {
    var out = "# \(title)\n\n"
    for (label, note) in notes { out += "> **RECONSTRUCTION:** `\(label)` is \(note).\n\n" }
    out += "\(explanation)\n"
    for task in analysis.tasks { out += "\n## \(task)\n\n" + summaryTable(analysis, task: task).markdown }
    return out
  }

  private static func html(_ analysis: PredictorQualityAnalysis, title: String, notes: [(key: String, value: String)]) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(HTMLText.escaped(title))</title>\n<style>\n\(HTMLReport.style)</style>\n</head>\n<body>\n"
    out += "<h1>\(HTMLText.escaped(title))</h1>\n"
    for (label, note) in notes {
      out += "<p class=\"caveat\"><strong>RECONSTRUCTION:</strong> <code>\(HTMLText.escaped(label))</code> is \(HTMLText.escaped(note)).</p>\n"
    }
    out += "<p>\(HTMLText.escaped(explanation))</p>\n"
    let metrics: [(name: String, value: (PredictorQualityAnalysis.Row) -> Summary)] =
      [("Kendall tau", \.kendallTau), ("Spearman rho", \.spearmanRho)]
      + analysis.precisionAt.enumerated().map { index, t in ("precision@\(t)", { $0.precision[index].summary }) }
    for (taskIndex, task) in analysis.tasks.enumerated() {
      out += "<section>\n<h2>\(HTMLText.escaped(task))</h2>\n<div class=\"plots\">\n"
      for (metricIndex, metric) in metrics.enumerated() {
        let series = analysis.predictors.enumerated().map { style, predictor in
          let rows = analysis.rows.filter { $0.task == task && $0.predictor == predictor }
          return LinePlot.Series(
            name: predictor, style: style,
            points: rows.map { (Double($0.trainingSize), metric.value($0).mean) },
            band: rows.map { row in
              let summary = metric.value(row)
              return (Double(row.trainingSize), summary.mean - summary.stderr, summary.mean + summary.stderr)
            })
        }
        let plot = LinePlot(
          id: "pq-\(taskIndex)-\(metricIndex)", title: "\(task): \(metric.name)", xLabel: "labelled architectures n (log scale)",
          yLabel: metric.name, series: series, xLogarithmic: true)
        out += plot.svg
      }
      out += "</div>\n" + summaryTable(analysis, task: task).html + "</section>\n"
    }
    return out + "</body>\n</html>\n"
  }
}
