import Foundation
import Harness
import Results
import SearchMethods
import TestSupport

/// Shared helpers for harness tests: a tiny source, a loader and temporary run folders.
enum Fixtures {
  static let source = TinyTaskSource()
  static let loader = SuiteLoader(taskNames: source.taskNames)

  static func suite(_ yaml: String) throws -> Suite {
    try loader.load(yaml: yaml, file: "test.yaml")
  }

  static func temporaryFolder(_ name: String = "run") -> RunFolder {
    let path = NSTemporaryDirectory() + "nasarena-tests/\(name)-\(UUID().uuidString)"
    return RunFolder(path: path)
  }

  static func run(_ suite: Suite, workers: Int = 2, shard: Shard? = nil) async throws -> RunFolder {
    let folder = temporaryFolder()
    _ = try await SuiteRunner.start(suite, source: source, folder: folder, options: RunOptions(workers: workers, shard: shard))
    return folder
  }

  static func canonicalLog(_ folder: RunFolder) throws -> [String] {
    try RunLog.canonical(try RunLog.read(path: folder.logFile)).map(RunLog.deterministicLine)
  }

  static let threeMethods = """
    name: tiny-three
    seed: 7
    trials: 6
    budget: { queries: 40 }
    tasks: [tiny, tiny-subset]
    methods:
      - method: random-search
      - method: regularized-evolution
        settings: { populationSize: 10, sampleSize: 3 }
      - method: local-search
    report: { checkpoints: [10, 40] }
    """
}
