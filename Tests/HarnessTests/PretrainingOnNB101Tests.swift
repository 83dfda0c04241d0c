import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// The pretraining seam on the real NAS-Bench-101 pool (423,624 cells, 30,001 labelled).
@Suite struct PretrainingOnNB101Tests {
  @Test func oneLabelFreePassOverTheWholePoolServesTenTrialsAResumeAndASecondSuite() async throws {
    let source = try CatalogTaskSource()
    let loader = SuiteLoader(methods: MethodRegistry.builtIn + [MethodEntry(PoolEmbeddingWalk.self)], taskNames: source.taskNames)
    func suite(_ name: String) throws -> Suite {
      try loader.load(
        yaml: """
          name: \(name)
          seed: 5
          trials: 10
          budget: { queries: 30 }
          tasks: [nb101-30k]
          methods: [{ method: pool-embedding-walk }]
          report: { checkpoints: [30] }
          """, file: "\(name).yaml")
    }
    let directory = NSTemporaryDirectory() + "nasarena-tests/nb101-cache-\(UUID().uuidString)"
    let first = Fixtures.temporaryFolder("nb101-walk")
    _ = try await SuiteRunner.start(
      try suite("nb101-walk"), source: source, folder: first, options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory)))
    let records = try #require(try first.readManifest().pretraining)
    #expect(records.count == 1 && records[0].origin == .computed)
    #expect(records[0].key.contains("pool: 423624 architectures") && records[0].bytes >= 423_624 * 8 * 4)
    let trials = try first.readRecords().trials
    #expect(trials.count == 10 && trials.allSatisfy { $0.status == .completed && $0.queries == 30 })
    #expect(trials.allSatisfy { $0.methodSeconds < records[0].pretrainingSeconds + 60 }, "pretraining is not in any trial's method time")

    let lines = try String(contentsOfFile: first.logFile, encoding: .utf8).split(separator: "\n")
    try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(toFile: first.logFile, atomically: true, encoding: .utf8)
    _ = try await SuiteRunner.resume(
      folder: first, loader: loader, source: source, options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory)))
    #expect(try first.readManifest().pretraining?.map(\.origin) == [.computed, .disk])

    let second = Fixtures.temporaryFolder("nb101-walk-again")
    _ = try await SuiteRunner.start(
      try suite("nb101-walk-again"), source: source, folder: second, options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory)))
    let again = try #require(try second.readManifest().pretraining)
    #expect(again.map(\.origin) == [.disk] && again[0].keyHash == records[0].keyHash)
    print(
      String(
        format: "nb101 pool pretraining: %.2f s computed, %.3f s loaded, %d bytes", records[0].pretrainingSeconds, again[0].loadSeconds,
        again[0].bytes))
  }
}
