import Analysis
import ArgumentParser
import Foundation
import Reports
import Results

/// `nasarena report`: recompute the tables, summary and HTML report from a run's log.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Recompute curves, statistics, summary.md and report.html of a run folder from its log alone.",
    discussion: """
      Examples:
        nasarena report results/quickstart-20261122-070000
        nasarena report results/nb201 --checkpoints 20,50,100 --band std --output results/nb201-std
        nasarena report results/nb201 --trial-view quartiles
      The suite's report settings (in the manifest) are used unless an option replaces one for
      this report; the manifest keeps the run's own, so a later plain 'nasarena report' writes
      the files as the suite asked. With --output the files go to that folder (not a run
      folder) and the run folder is left as it is.
      """)

  @Argument(help: "The run folder.")
  var folder: String

  @Option(help: "Query counts to compare methods at, e.g. 10,50,100 (replaces the suite's checkpoints).")
  var checkpoints: String?

  @Option(help: "The band around mean curves: stderr or std (replaces the suite's band).")
  var band: String?

  @Option(help: "Regret plots on a log axis: true or false (replaces the suite's logRegret).")
  var logRegret: Bool?

  @Option(help: "The per-trial view: none, lines (every trial, one plot per method) or quartiles (median and IQR); replaces the suite's trialView.")
  var trialView: String?

  @Option(help: "Write the report files into this folder instead of the run folder.")
  var output: String?

  @Flag(help: "Also write trial_curves.csv (every trial's incumbents after every query) and queries.csv (the log as a table).")
  var tidy = false

  func run() async throws {
    try await reportingErrors {
      let overrides = try settingsOverride()
      let written: [String]
      if let output {
        if FileManager.default.fileExists(atPath: RunFolder(path: output).logFile) {
          throw ValidationError("\(output) holds a run's log; write the report into another folder")
        }
        written = try ReportPipeline.write(try RunFolder(path: folder).readRecords(), to: output, settings: overrides, tidy: tidy)
      } else {
        written = try ReportPipeline.write(folder: RunFolder(path: folder), settings: overrides, tidy: tidy)
      }
      for file in written { print(file) }
    }
  }

  /// The report settings with this command's options applied.
  private func settingsOverride() throws -> @Sendable (ReportSettings) -> ReportSettings {
    var points: [Int]?
    if let checkpoints {
      let parsed = checkpoints.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard !parsed.isEmpty, parsed.allSatisfy({ ($0 ?? 0) >= 1 }) else {
        throw ValidationError("--checkpoints must be positive query counts separated by commas, e.g. 10,50,100; got '\(checkpoints)'")
      }
      points = Array(Set(parsed.compactMap { $0 })).sorted()
    }
    var chosen: ReportSettings.Band?
    if let band {
      guard let value = ReportSettings.Band(rawValue: band) else {
        throw ValidationError("--band must be one of \(ReportSettings.Band.allCases.map(\.rawValue).joined(separator: ", ")); got '\(band)'")
      }
      chosen = value
    }
    var view: ReportSettings.TrialView?
    if let trialView {
      guard let value = ReportSettings.TrialView(rawValue: trialView) else {
        throw ValidationError(
          "--trial-view must be one of \(ReportSettings.TrialView.allCases.map(\.rawValue).joined(separator: ", ")); got '\(trialView)'")
      }
      view = value
    }
    let (logRegret, fixedPoints, fixedBand, fixedView) = (logRegret, points, chosen, view)
    return { settings in
      var settings = settings
      if let fixedPoints { settings.checkpoints = fixedPoints }
      if let fixedBand { settings.band = fixedBand }
      if let logRegret { settings.logRegret = logRegret }
      if let fixedView { settings.trialView = fixedView }
      return settings
    }
  }
}

/// Reading a run folder's records and writing its derived outputs.
enum ReportPipeline {
  /// Reports a folder: refuses one without a log before touching it, then takes its write
  /// lock and writes.
  static func write(
    folder: RunFolder, settings: @Sendable (ReportSettings) -> ReportSettings = { $0 }, tidy: Bool = false
  ) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ResultStoreError.missingFile(path: folder.path, expected: "a run folder written by 'nasarena run'")
    }
    guard FileManager.default.fileExists(atPath: folder.logFile) else {
      throw ResultStoreError.missingFile(
        path: folder.logFile, expected: "the run's query log; derived files are computed from it and are left as they are")
    }
    let lock = try RunFolderLock.acquire(folder, command: "nasarena report", creating: false)
    return try write(try lock.folder.readRecords(), to: lock.folder.path, settings: settings, tidy: tidy)
  }

  /// Writes the report of `records` into `directory`, with `settings` applied to the run's
  /// report settings, and the tidy tables when `tidy`.
  static func write(
    _ records: RunRecords, to directory: String, settings: (ReportSettings) -> ReportSettings, tidy: Bool
  ) throws -> [String] {
    var records = records
    records.manifest.report = try checked(settings(records.manifest.report), budget: records.manifest.budget)
    let written = try ReportWriter.write(RunAnalysis(records: records), to: directory)
    return written + (tidy ? try ReportWriter.writeTidy(records, to: directory) : [])
  }

  /// `settings`, unless none of its checkpoints is within a query budget (as a suite is refused).
  static func checked(_ settings: ReportSettings, budget: BudgetLimit?) throws -> ReportSettings {
    if let queries = budget?.queries, !settings.checkpoints.contains(where: { $0 <= queries }) {
      throw ValidationError("no checkpoint of \(settings.checkpoints) is within the run's budget of \(queries) queries")
    }
    return settings
  }

  /// Analyses the locked folder's verified records and writes the CSVs, summary and report
  /// into it (each file to a temporary name first, then renamed).
  static func write(lock: RunFolderLock) throws -> [String] {
    try writeAnalysed(lock: lock).files
  }

  /// As `write(lock:)`, also returning the analysis the files were written from.
  static func writeAnalysed(lock: RunFolderLock) throws -> (files: [String], analysis: RunAnalysis) {
    let analysis = RunAnalysis(records: try lock.folder.readRecords())
    return (try ReportWriter.write(analysis, to: lock.folder.path), analysis)
  }
}
