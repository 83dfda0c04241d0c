import Foundation
import Results
import SearchMethods

/// Wall-clock cost of whole trials, for `nasarena perf`: each method runs a few trials of a
/// task one after the other (one worker), through the real runner and log.
public struct TrialTiming: Sendable {
  /// Task name.
  public let task: String
  /// Method label.
  public let method: String
  /// Queries per trial.
  public let queries: Int
  /// Trials timed.
  public let trials: Int
  /// Mean wall-clock seconds of one trial, harness and log included.
  public let secondsPerTrial: Double
  /// Mean seconds spent inside the method's ask and tell.
  public let methodSecondsPerTrial: Double

  /// Times `trials` trials of each of `methods` on `task` with a budget of `queries`.
  ///
  /// - Parameter cache: the pretraining cache the runs share; pass one that already holds a
  ///   method's pretrained value to leave the pretraining out of what is timed and metered
  ///   (by default a fresh memory-only cache, so a pretraining method pretrains first).
  /// - Throws: errors of loading the task or writing the temporary run folder.
  public static func measure(
    task: String, methods: [String], queries: Int, trials: Int, source: any TaskSource, cache: PretrainingCache? = nil
  ) async throws -> [TrialTiming] {
    let loader = SuiteLoader(taskNames: source.taskNames)
    var timings: [TrialTiming] = []
    for method in methods {
      let suite = try loader.load(
        yaml: """
          name: perf-trial
          trials: \(trials)
          budget: { queries: \(queries) }
          tasks: [\(task)]
          methods: [{ method: \(method) }]
          workers: 1
          report: { checkpoints: [\(queries)] }
          """, file: "perf-trial.yaml")
      let folder = RunFolder(
        path: NSTemporaryDirectory() + "nasarena-perf-\(ProcessInfo.processInfo.processIdentifier)-\(method)-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(atPath: folder.path) }
      let summary = try await SuiteRunner.start(suite, source: source, folder: folder, options: RunOptions(workers: 1, cache: cache))
      let records = try folder.readRecords()
      let methodSeconds = records.trials.map(\.methodSeconds).reduce(0, +) / Double(max(1, records.trials.count))
      timings.append(
        TrialTiming(
          task: task, method: method, queries: queries, trials: trials,
          secondsPerTrial: summary.seconds / Double(trials), methodSecondsPerTrial: methodSeconds))
    }
    return timings
  }
}
