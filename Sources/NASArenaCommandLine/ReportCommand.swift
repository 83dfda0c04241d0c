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
  /// Reports a folder: refuses one without a log before touching it, then takes its write
  /// lock and writes.
  static func write(folder: RunFolder) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ResultStoreError.missingFile(path: folder.path, expected: "a run folder written by 'nasarena run'")
    }
    guard FileManager.default.fileExists(atPath: folder.logFile) else {
      throw ResultStoreError.missingFile(
        path: folder.logFile, expected: "the run's query log; derived files are computed from it and are left as they are")
    }
    return try write(lock: try RunFolderLock.acquire(folder, command: "nasarena report", creating: false))
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
