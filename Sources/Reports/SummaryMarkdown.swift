import Analysis

/// `summary.md`: the run's facts and, per task, its tables.
enum SummaryMarkdown {
  /// The Markdown text.
  static func text(_ analysis: RunAnalysis) -> String {
    var out = "# NASArena run: \(analysis.manifest.suiteName)\n\n"
    for (label, note) in (analysis.manifest.reconstructions ?? [:]).sorted(by: { $0.key < $1.key }) {
      out += "> **RECONSTRUCTION:** `\(label)` is \(note).\n\n"
    }
    out += SummaryTable.manifest(analysis).markdown + "\n"
    if let pretraining = SummaryTable.pretraining(analysis) {
      out += "## Pretraining\n\n" + pretraining.markdown + "\n" + SummaryTable.pretrainingNote + "\n\n"
    }
    if !analysis.tasksWithoutRecord.isEmpty {
      out +=
        "> **WARNING:** tasks in the log without a task record, not analysed: "
        + analysis.tasksWithoutRecord.joined(separator: ", ") + "\n\n"
    }
    if let crossTask = analysis.crossTask {
      out += "## Across tasks\n\n" + CrossTaskText.table(crossTask).markdown + "\n" + CrossTaskText.note(crossTask) + "\n\n"
    }
    for task in analysis.tasks {
      let name = task.task.name
      out += section(task, generations: analysis.generationRounds.filter { $0.task == name })
      out += generatorSection(
        task, signatures: analysis.signatures.filter { $0.task == name }, losses: analysis.lossRounds.filter { $0.task == name })
    }
    return out
  }

  private static func section(_ task: TaskAnalysis, generations: [GenerationRound]) -> String {
    let record = task.task
    var out = "## \(record.name)\n\n"
    if let caveat = record.caveat {
      out += "> **⚠ CAVEAT:** \(caveat)\n\n"
    }
    out += TaskFacts.line(task) + "\n\n"
    guard task.queryCount > 0 else { return out + "No queries were recorded for this task.\n\n" }
    out += SummaryTable.results(task).markdown + "\n"
    out += TaskFacts.resultsNote(task) + "\n\n"
    if let checkpoint = task.checkpoints.last, task.methods.count > 1 {
      out += "### Wilcoxon signed-rank tests at \(checkpoint) queries\n\n"
      out += SummaryTable.wilcoxon(task, at: checkpoint).markdown + "\n"
      out += TaskFacts.wilcoxonNote + "\n\n"
    }
    out += "### Proposals\n\n" + SummaryTable.proposals(task).markdown + "\n"
    let failures = TaskFacts.failures(task)
    if !failures.isEmpty { out += failures.map { "- " + $0 }.joined(separator: "\n") + "\n\n" }
    if let recommendations = SummaryTable.recommendations(task) {
      out += "### Recommendations (oracle_max + top-1)\n\n" + recommendations.markdown + "\n"
    }
    if let generated = SummaryTable.generations(generations) {
      out += "### Generated cells per round\n\n" + generated.markdown + "\n" + TaskFacts.generationNote + "\n\n"
    }
    return out
  }

  /// A task's architecture-signature and training-loss tables, for the methods that reported
  /// token counts or loss curves; empty otherwise.
  private static func generatorSection(_ task: TaskAnalysis, signatures: [GeneratedSignature], losses: [LossCurveRound]) -> String {
    var out = ""
    for signature in signatures {
      out += "### Architecture signatures: \(signature.method)\n\n"
      out += SummaryTable.signature(signature).markdown + "\n" + SummaryTable.signatureRounds(signature).markdown + "\n"
      out += TaskFacts.signatureNote(signature, task: task.task) + "\n\n"
    }
    if let table = SummaryTable.losses(losses) {
      out += "### Training losses\n\n" + table.markdown + "\n" + TaskFacts.lossNote + "\n\n"
    }
    return out
  }
}

/// Sentences shared by the Markdown summary and the HTML report.
enum TaskFacts {
  /// Benchmark, columns, domain size and optimum of a task.
  static func line(_ task: TaskAnalysis) -> String {
    let record = task.task
    let digits = ValueDigits(record)
    return "Benchmark \(record.benchmark) on \(record.dataset): search signal `\(record.signalColumn)`, "
      + "report metric `\(record.reportColumn)` (optimum \(NumberFormat.fixed(record.optimumReport, digits.decimals)), "
      + "top 0.1 % ≥ \(NumberFormat.fixed(record.topPermilleReport, digits.decimals)), "
      + "top 1 % ≥ \(NumberFormat.fixed(record.topPercentReport, digits.decimals))"
      + (record.bestSignalReport.map { ", test-of-best-signal ceiling \(NumberFormat.fixed($0, digits.decimals))" } ?? "") + "), "
      + "\(record.domainSize) architectures, \(task.queryCount) queries."
  }

  /// How to read the results table.
  static func resultsNote(_ task: TaskAnalysis) -> String {
    "Mean ± standard error over trials of `report_of_best_signal` (report metric of the architecture with the best search "
      + "signal so far); regret is optimum − value. Reached: trials whose `report_of_best_signal` reached the threshold; "
      + "KM median: Kaplan-Meier median of queries to reach it, censoring trials that never did (– when fewer than "
      + "half are estimated to reach it). Mean rank: 1 is best. Bold: best in column."
  }

  /// How to read a Wilcoxon table.
  static let wilcoxonNote =
    "Two-sided, paired by trial, on `report_of_best_signal`; zero differences dropped (Wilcoxon), exact p for up to 25 "
    + "non-zero pairs, normal approximation otherwise; Holm across the pairs of this checkpoint (bold: < 0.05). "
    + "Rank-biserial > 0 when A tends to be higher."

  /// One line per failed trial.
  static func failures(_ task: TaskAnalysis) -> [String] {
    task.proposals.flatMap { entry in
      entry.failures.map { "failed: \(entry.method) trial \($0.trial): \($0.message)" }
    }
  }
}
