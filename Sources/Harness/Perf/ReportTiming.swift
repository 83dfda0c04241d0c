import Analysis
import Foundation
import Results

/// Wall-clock cost of reading a large run's log and analysing it, for `nasarena perf`: a
/// random-search suite is run into a temporary folder (real runner, real log), then its
/// records are read back and analysed as `nasarena report` does.
public struct ReportTiming: Sendable {
  /// Counted queries in the log.
  public let queries: Int
  /// Size of the log in bytes.
  public let logBytes: Int
  /// Seconds to read and verify the log (`RunFolder.readRecords`).
  public let readSeconds: Double
  /// Seconds to analyse the records (`RunAnalysis`).
  public let analysisSeconds: Double

  /// Writes a log of `trials` random-search trials of `queries` queries on each of `tasks`,
  /// then times reading it back and analysing it.
  ///
  /// - Throws: errors of loading the tasks, running the suite or reading the log.
  public static func measure(tasks: [String], trials: Int, queries: Int, source: any TaskSource) async throws -> ReportTiming {
    let suite = try SuiteLoader(taskNames: source.taskNames).load(
      yaml: """
        name: perf-report
        trials: \(trials)
        budget: { queries: \(queries) }
        tasks: [\(tasks.joined(separator: ", "))]
        methods: [{ method: random-search }]
        workers: 1
        """, file: "perf-report.yaml")
    let folder = RunFolder(path: NSTemporaryDirectory() + "nasarena-perf-report-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    _ = try await SuiteRunner.start(suite, source: source, folder: folder, options: RunOptions(workers: 1))
    let logBytes = (try FileManager.default.attributesOfItem(atPath: folder.logFile)[.size] as? Int) ?? 0
    let started = Date()
    let records = try folder.readRecords()
    let read = Date()
    let analysis = RunAnalysis(records: records)
    let analysed = Date()
    // Keeps the analysis alive past the clock, so none of it is optimised away.
    precondition(analysis.tasks.count == tasks.count, "analysed \(analysis.tasks.count) of \(tasks.count) tasks")
    return ReportTiming(
      queries: records.queries.count, logBytes: logBytes,
      readSeconds: read.timeIntervalSince(started), analysisSeconds: analysed.timeIntervalSince(read))
  }
}
