import Analysis
import Benchmarks
import Foundation
import Results

/// A run held against published numbers: for each target of the suite's `reproduce:` block,
/// the published value with its spread, ours with its standard error, the difference in
/// published standard deviations and a verdict, or why the two cannot be compared.
public struct Reproduction: Sendable {
  /// One line of the table.
  public struct Line: Sendable {
    public let target: ReproductionPlan.Target
    /// The published row, when the file has it.
    public let published: PublishedNumber?
    /// Completed (or exhausted) trials of ours.
    public let trials: Int
    /// Our mean, standard deviation and standard error over those trials, or `nil` when refused.
    public let ours: (mean: Double, standardDeviation: Double, standardError: Double)?
    /// Ours minus published, in published standard deviations over trials.
    public let standardDeviations: Double?
    /// `reproduced`, `higher`, `lower`, `no spread published` or `refused`.
    public let verdict: String
    /// Why a comparison was refused, or caveats of one that was made.
    public let reasons: [String]
  }

  /// The tolerance the suite states, in published standard deviations.
  public let tolerance: Double
  /// The lines, in the order of the suite's targets.
  public let lines: [Line]

  /// Compares the run (its suite, records and analysis) with the published rows.
  public init(suite: Suite, records: RunRecords, analysis: RunAnalysis, published: [PublishedNumber]) throws {
    guard let plan = suite.reproduction else { throw ReproductionError.noPlan(suite: suite.name) }
    tolerance = plan.tolerance
    let rows = Dictionary(uniqueKeysWithValues: published.map { ($0.id, $0) })
    lines = plan.targets.map { target in
      Self.line(target, row: rows[target.row], suite: suite, records: records, analysis: analysis, tolerance: plan.tolerance)
    }
  }

  private static func line(
    _ target: ReproductionPlan.Target, row: PublishedNumber?, suite: Suite, records: RunRecords, analysis: RunAnalysis, tolerance: Double
  ) -> Line {
    func refused(_ reasons: [String]) -> Line {
      Line(target: target, published: row, trials: 0, ours: nil, standardDeviations: nil, verdict: "refused", reasons: reasons)
    }
    guard let row else { return refused(["no row '\(target.row)' in the published numbers"]) }
    guard let task = records.tasks.first(where: { $0.name == target.task }),
      let taskAnalysis = analysis.tasks.first(where: { $0.task.name == target.task })
    else { return refused(["the run has no records of task '\(target.task)'"]) }
    var reasons: [String] = []
    if row.data == .nb101Full, let problem = fullNASBench101Problem(task) { reasons.append(problem) }
    if row.benchmark != task.benchmark { reasons.append("the row is on \(row.benchmark), the task on \(task.benchmark)") }
    if let signal = row.signal, signal != task.signalColumn {
      reasons.append("the row searched on \(signal), the task searches on \(task.signalColumn)")
    }
    if let report = row.report, report != task.reportColumn {
      reasons.append("the row reports \(report), the task reports \(task.reportColumn)")
    }
    let budget = records.manifest.budget
    switch row.budget {
    case .queries(let published) where budget?.queries == published: break
    case .seconds(let published) where budget?.seconds == published: break
    default: reasons.append("the row's budget is \(describe(row.budget)), the run's \(budget?.description ?? "unrecorded")")
    }
    if let spec = suite.methods.first(where: { $0.label == target.method }), let method = row.method, method != spec.entry.name {
      reasons.append("the row is for method '\(method)', the label '\(target.method)' runs '\(spec.entry.name)'")
    }
    let selected: (TrialOutcome) -> Double
    switch row.selection {
    case .testOfBestSignal: selected = \.finalBestSignal
    case .oracleMax: selected = \.finalOracleMax
    default:
      reasons.append("the row's selection rule, \(row.selection.rawValue), is not one reproduce computes (test-of-best-signal, oracle-max)")
      selected = \.finalBestSignal
    }
    guard reasons.isEmpty else { return refused(reasons) }
    let values = taskAnalysis.trials.filter { $0.cell.method == target.method && ($0.status == "completed" || $0.status == "exhausted") }
      .map(selected).filter(\.isFinite)
    guard values.count >= 2 else { return refused(["\(values.count) finished trials of '\(target.method)'; at least 2 are needed"]) }
    let summary = Summary(values)
    let mean = summary.mean
    let ours = (mean: mean, standardDeviation: summary.std, standardError: summary.stderr)
    var caveats: [String] = []
    if let trials = row.trials, trials != values.count { caveats.append("\(values.count) trials here, \(trials) published") }
    if row.status != .verified {
      caveats.append("the published number is \(row.status.rawValue == "secondary" ? "from a secondary source" : "unverified")")
    }
    if !row.note.isEmpty { caveats.append(row.note) }
    guard let deviation = row.standardDeviation, deviation > 0 else {
      return Line(
        target: target, published: row, trials: values.count, ours: ours, standardDeviations: nil,
        verdict: "no spread published", reasons: caveats)
    }
    let distance = (mean - row.mean) / deviation
    let verdict = abs(distance) <= tolerance ? "reproduced" : (distance > 0 ? "higher" : "lower")
    return Line(
      target: target, published: row, trials: values.count, ours: ours, standardDeviations: distance,
      verdict: verdict, reasons: caveats)
  }

  /// Why `task` is not on the full NAS-Bench-101 table that an `nb101-full` row needs (all
  /// 423,624 cells, searched on the 3-run mean validation accuracy, reporting a 3-run mean:
  /// the `nb101` task over a whole import), or `nil` when it is.
  public static func fullNASBench101Problem(_ task: TaskRecord) -> String? {
    let columns = TaskCatalog.nasBench101FullColumns
    let onFullTable = task.benchmark == "nas-bench-101" && columns.contains(task.signalColumn) && columns.contains(task.reportColumn)
    if onFullTable && task.domainSize == TaskCatalog.nasBench101PoolSize { return nil }
    if onFullTable {
      return "the row needs the full NAS-Bench-101 table (423,624 cells, 3-run means); task '\(task.name)' was built from a partial import "
        + "with \(task.domainSize) cells (re-run nasarena data import-nb101 on the whole release file)"
    }
    return "the row needs the full NAS-Bench-101 table (423,624 cells, 3-run means); task '\(task.name)' has \(task.domainSize) labelled cells"
  }

  private static func describe(_ budget: PublishedNumber.BudgetKind) -> String {
    switch budget {
    case .none: "none"
    case .queries(let count): "\(count) queries"
    case .seconds(let seconds): "\(seconds) simulated seconds"
    }
  }

  // MARK: - Output

  /// The table as Markdown, with the convention of each row.
  public func markdown(suite: String) -> String {
    var text = "# Reproduction: \(suite)\n\n"
    text += "Published: mean ± its spread (std over trials unless marked s.e.). Ours: mean ± standard error over finished "
    text += "trials, and the std over trials beside it. Δ/σ is ours − published in published standard deviations; "
    text += "reproduced when |Δ/σ| ≤ \(Self.format(tolerance)).\n\n"
    text += "| row | method | task | published | trials (published) | status | ours | std (ours) | trials (ours) | Δ/σ | verdict |\n"
    text += "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |\n"
    for line in lines {
      let row = line.published
      let published =
        row.map { row in
          row.spread.map { "\(Self.format(row.mean)) ± \(Self.format($0))\(row.spreadKind == .stderr ? " (s.e.)" : "")" } ?? Self.format(row.mean)
        } ?? "–"
      let ours = line.ours.map { "\(Self.format($0.mean)) ± \(Self.format($0.standardError))" } ?? "–"
      let distance = line.standardDeviations.map { String(format: "%+.2f", $0) } ?? "–"
      text += "| \(line.target.row) | \(line.target.method) | \(line.target.task) | \(published) | \(row?.trials.map(String.init) ?? "–") "
      let spread = line.ours.map { Self.format($0.standardDeviation) } ?? "–"
      text += "| \(row?.status.rawValue ?? "–") | \(ours) | \(spread) | \(line.trials) | \(distance) | **\(line.verdict)** |\n"
    }
    let notes = lines.filter { !$0.reasons.isEmpty }
    if !notes.isEmpty {
      text += "\n"
      for line in notes { text += "- `\(line.target.row)` (\(line.verdict)): \(line.reasons.joined(separator: "; "))\n" }
    }
    if let example = lines.compactMap(\.published).first {
      text += "\nConvention of `\(example.id)`: \(example.metric), selection \(example.selection.rawValue), search signal "
      text += "\(example.signal ?? "–"), report \(example.report ?? "–"), source \(example.source) (\(example.reference)).\n"
    }
    return text
  }

  /// The table as CSV.
  public var csv: String {
    var text = "row,method,task,published_mean,published_spread,published_spread_kind,published_trials,status,"
    text += "ours_mean,ours_std,ours_stderr,ours_trials,standard_deviations,verdict,reasons\n"
    for line in lines {
      let row = line.published
      let fields: [String] = [
        line.target.row, line.target.method, line.target.task, row.map { "\($0.mean)" } ?? "", row?.spread.map { "\($0)" } ?? "",
        row?.spreadKind.rawValue ?? "", row?.trials.map(String.init) ?? "", row?.status.rawValue ?? "",
        line.ours.map { "\($0.mean)" } ?? "", line.ours.map { "\($0.standardDeviation)" } ?? "",
        line.ours.map { "\($0.standardError)" } ?? "", String(line.trials),
        line.standardDeviations.map { "\($0)" } ?? "", line.verdict, line.reasons.joined(separator: "; "),
      ]
      text += fields.map(Self.csvField).joined(separator: ",") + "\n"
    }
    return text
  }

  private static func csvField(_ value: String) -> String {
    value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
  }

  private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Why `nasarena reproduce` cannot start.
public enum ReproductionError: Error, CustomStringConvertible {
  /// The suite has no `reproduce:` block.
  case noPlan(suite: String)

  public var description: String {
    switch self {
    case .noPlan(let suite): "suite '\(suite)' has no 'reproduce:' block naming the published rows it targets"
    }
  }
}
