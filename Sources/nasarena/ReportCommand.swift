import Analysis
import ArgumentParser
import Reports
import Results

/// `nasarena report`: recompute the tables, summary and HTML report from a run's log.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Recompute curves, statistics, summary.md and report.html of a run folder from its log alone.",
    discussion: "Example:\n  nasarena report results/quickstart-20261122-070000")

  @Argument(help: "The run folder.")
  var folder: String

  func run() async throws {
    try await reportingErrors {
      let written = try ReportPipeline.write(folder: RunFolder(path: folder))
      for file in written { print(file) }
    }
  }
}

/// Reading a run folder's records and writing its derived outputs.
enum ReportPipeline {
  /// Analyses the folder's records and writes the CSVs, summary and report into it.
  static func write(folder: RunFolder) throws -> [String] {
    try ReportWriter.write(RunAnalysis(records: folder.readRecords()), to: folder.path)
  }
}
