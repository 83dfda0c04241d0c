import Analysis
import Results

extension SummaryTable {
  /// The run's provenance and report settings, one fact per row.
  static func manifest(_ analysis: RunAnalysis) -> SummaryTable {
    let manifest = analysis.manifest
    let settings = analysis.settings
    var table = SummaryTable(header: ["fact", "value"], textColumns: [1])
    let facts: [(String, String)] = [
      ("suite", manifest.suiteName), ("suite hash", manifest.suiteHash), ("commit", manifest.gitCommit ?? "unknown"),
      ("harness", manifest.harnessVersion), ("swift", manifest.swiftVersion), ("backend", manifest.numericBackend),
      ("machine", manifest.machine), ("workers", String(manifest.workers)), ("shard", manifest.shard ?? "whole run"),
      ("started", manifest.started), ("ended", manifest.ended ?? "not ended (interrupted or running)"),
      ("methods", analysis.methods.map { manifest.reconstructions?[$0] == nil ? $0 : "\($0) (reconstruction)" }.joined(separator: ", ")),
      ("checkpoints", settings.checkpoints.map(String.init).joined(separator: ", ")),
      ("band", settings.band == .stderr ? "mean ± standard error" : "mean ± standard deviation"),
      ("bootstrap", "\(settings.bootstrapSamples) resamples, \(NumberFormat.csv(settings.confidence * 100)) %, seed \(settings.bootstrapSeed)"),
    ]
    for (fact, value) in facts { table.append([SummaryTable.Cell(fact), SummaryTable.Cell(value)]) }
    return table
  }

  /// Per method: mean ± s.e. of `report_of_best_signal` at each checkpoint, final regret, queries to the
  /// optimum and the top 1 %, and the final average rank. The best value of each column is bold.
  static func results(_ task: TaskAnalysis) -> SummaryTable {
    let digits = ValueDigits(task.task)
    let final = task.queryCount
    var header = ["method"] + task.checkpoints.map { "report_of_best_signal @ \($0)" }
    header += ["regret @ \(final)", "optimum reached", "KM median to optimum", "top 1 % reached", "KM median to top 1 %", "mean rank @ \(final)"]
    var table = SummaryTable(header: header)
    let points = task.checkpoints.map { checkpoint in
      task.methods.map { method in
        task.curves.first { $0.curve == .bestSignal && $0.method == method && $0.query == checkpoint }?.value
      }
    }
    let regrets = task.methods.map { method in
      task.curves.first { $0.curve == .bestSignal && $0.method == method && $0.query == final }?.regret
    }
    let ranks = task.methods.map { method in task.ranks.first { $0.method == method && $0.query == final }?.meanRank }
    for (row, method) in task.methods.enumerated() {
      var cells = [SummaryTable.Cell(method)]
      for column in points {
        let best = column.compactMap { $0?.mean }.max()
        cells.append(digits.meanCell(column[row], emphasized: column[row]?.mean == best))
      }
      let lowest = regrets.compactMap { $0?.mean }.min()
      cells.append(digits.meanCell(regrets[row], emphasized: regrets[row]?.mean == lowest))
      for target in [QueriesToTarget.Target.optimum, .topPercent] {
        let entry = task.queriesToTarget.first { $0.method == method && $0.target == target && $0.convention == .bestSignal }
        cells += reachedCells(entry)
      }
      let bestRank = ranks.compactMap { $0 }.min()
      cells.append(SummaryTable.Cell(ranks[row].map { NumberFormat.fixed($0, 2) } ?? "–", emphasized: ranks[row] == bestRank && bestRank != nil))
      table.append(cells)
    }
    return table
  }

  private static func reachedCells(_ entry: QueriesToTarget?) -> [SummaryTable.Cell] {
    guard let entry, entry.trials > 0 else { return ["–", "–"] }
    let percent = NumberFormat.fixed(entry.fractionReached * 100, 0)
    return [SummaryTable.Cell("\(entry.reached)/\(entry.trials) (\(percent) %)"), SummaryTable.Cell(NumberFormat.fixed(entry.kaplanMeier.median, 0))]
  }

  /// The Wilcoxon tests at one checkpoint; Holm-adjusted p-values below 0.05 are bold.
  static func wilcoxon(_ task: TaskAnalysis, at checkpoint: Int) -> SummaryTable {
    let digits = ValueDigits(task.task)
    var table = SummaryTable(
      header: ["method A", "method B", "pairs", "mean A − B", "W+", "W−", "p", "p (Holm)", "rank-biserial", "better"],
      textColumns: [1, 9])
    for entry in task.comparisons where entry.checkpoint == checkpoint {
      table.append([
        SummaryTable.Cell(entry.first), SummaryTable.Cell(entry.second), SummaryTable.Cell(String(entry.pairs)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanDifference, digits.decimals)),
        SummaryTable.Cell(NumberFormat.csv(entry.test.wPlus)), SummaryTable.Cell(NumberFormat.csv(entry.test.wMinus)),
        SummaryTable.Cell(NumberFormat.significant(entry.test.pValue, 3) + (entry.test.exact ? "" : " (normal)")),
        SummaryTable.Cell(NumberFormat.significant(entry.holmPValue, 3), emphasized: entry.holmPValue < 0.05),
        SummaryTable.Cell(NumberFormat.fixed(entry.test.rankBiserial, 2)), SummaryTable.Cell(entry.better ?? "tie"),
      ])
    }
    return table
  }

  /// Per method: how its proposals went (means per trial over trials with a closing record).
  static func proposals(_ task: TaskAnalysis) -> SummaryTable {
    var table = SummaryTable(
      header: [
        "method", "trials", "valid rate", "refused / trial", "invalid / trial", "not in pool / trial",
        "outside domain / trial", "repeats / trial", "method s / trial", "exhausted", "failed", "unfinished",
      ])
    for entry in task.proposals {
      table.append([
        SummaryTable.Cell(entry.method), SummaryTable.Cell(String(entry.trials)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanValidRate, 3)), SummaryTable.Cell(NumberFormat.fixed(entry.meanRefused, 1)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanRefusedInvalid, 1)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanRefusedNotInPool, 1)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanRefusedOutsideDomain, 1)),
        SummaryTable.Cell(NumberFormat.fixed(entry.meanRepeats, 1)), SummaryTable.Cell(NumberFormat.significant(entry.meanMethodSeconds, 3)),
        SummaryTable.Cell(String(entry.exhausted)), SummaryTable.Cell(String(entry.failures.count), emphasized: !entry.failures.isEmpty),
        SummaryTable.Cell(String(entry.unfinished)),
      ])
    }
    return table
  }

  /// Per recommending method: mean ± s.e. of `oracle_max` counting recommendations, or `nil`.
  static func recommendations(_ task: TaskAnalysis) -> SummaryTable? {
    guard !task.recommendations.isEmpty else { return nil }
    let digits = ValueDigits(task.task)
    var table = SummaryTable(header: ["method"] + task.checkpoints.map { "oracle_max + top-1 @ \($0)" })
    for method in task.methods where task.recommendations.contains(where: { $0.method == method }) {
      let cells = task.checkpoints.map { checkpoint in
        digits.meanCell(task.recommendations.first { $0.method == method && $0.query == checkpoint }?.value, emphasized: false)
      }
      table.append([SummaryTable.Cell(method)] + cells)
    }
    return table
  }
}

/// How many decimals a task's report metric is shown with: about four significant digits of
/// its optimum (94.37, 0.9437).
struct ValueDigits {
  /// Decimals after the point.
  var decimals: Int

  init(_ task: TaskRecord) {
    var magnitude = 0
    var probe = abs(task.optimumReport)
    if probe.isFinite && probe > 0 {
      while probe >= 10 {
        probe /= 10
        magnitude += 1
      }
      while probe < 1 {
        probe *= 10
        magnitude -= 1
      }
    }
    decimals = min(6, max(1, 3 - magnitude))
  }

  /// `mean ± stderr` (or just the mean for one trial, `–` for none).
  func meanCell(_ summary: Summary?, emphasized: Bool) -> SummaryTable.Cell {
    guard let summary, summary.count > 0 else { return "–" }
    let mean = NumberFormat.fixed(summary.mean, decimals)
    let text = summary.stderr.isNaN ? mean : mean + " ± " + NumberFormat.fixed(summary.stderr, decimals)
    return SummaryTable.Cell(text, emphasized: emphasized)
  }
}
