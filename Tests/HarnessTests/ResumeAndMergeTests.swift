import Foundation
import Harness
import Results
import TestSupport
import Testing

@Suite struct ResumeAndMergeTests {
  @Test(arguments: [0.1, 0.5, 0.93])
  func resumeAfterTruncationRestoresTheUninterruptedLog(fraction: Double) async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let complete = try await Fixtures.run(suite)
    let expected = try Fixtures.canonicalLog(complete)

    let folder = try await Fixtures.run(suite)
    let data = try #require(FileManager.default.contents(atPath: folder.logFile))
    let cut = Int(Double(data.count) * fraction) + 7  // usually mid-line: a torn last line
    try data.prefix(cut).write(to: URL(fileURLWithPath: folder.logFile))
    var manifest = try folder.readManifest()
    manifest.ended = nil
    try folder.writeJSON(manifest, to: folder.manifestFile)

    let summary = try await SuiteRunner.resume(folder: folder, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 3))
    #expect(summary.trialsSkipped > 0 || fraction < 0.2)
    #expect(try Fixtures.canonicalLog(folder) == expected)
  }

  @Test func shardsMergeIntoTheUnshardedRun() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let whole = try Fixtures.canonicalLog(try await Fixtures.run(suite))
    var shards: [RunFolder] = []
    for index in 0..<3 { shards.append(try await Fixtures.run(suite, workers: 1, shard: try Shard(parsing: "\(index)/3"))) }
    let merged = Fixtures.temporaryFolder("merged")
    try RunMerger.merge(shards.reversed(), into: merged)
    #expect(try RunLog.read(path: merged.logFile).map(RunLog.deterministicLine) == whole)
    #expect(try merged.readManifest().shard == nil)
  }

  @Test func mergeRefusesOtherSuitesAndMissingShards() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let other = try Fixtures.suite(Fixtures.threeMethods.replacingOccurrences(of: "seed: 7", with: "seed: 8"))
    let a = try await Fixtures.run(suite, shard: try Shard(parsing: "0/2"))
    let b = try await Fixtures.run(other, shard: try Shard(parsing: "1/2"))
    #expect(throws: RunError.self) { try RunMerger.merge([a, b], into: Fixtures.temporaryFolder()) }
    do {
      try RunMerger.merge([a], into: Fixtures.temporaryFolder())
      Issue.record("merging one of two shards succeeded")
    } catch let error as RunError {
      #expect("\(error)".contains("shard 1/2 is missing"))
    }
  }

  @Test func startRefusesAFolderWithALog() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let folder = try await Fixtures.run(suite)
    await #expect(throws: RunError.folderNotEmpty(path: folder.path)) {
      _ = try await SuiteRunner.start(suite, source: Fixtures.source, folder: folder, options: RunOptions())
    }
  }

  @Test func trialsFirstChangesOnlyTheOrderOfExecution() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let canonical = try await Fixtures.run(suite, workers: 1)
    let folder = Fixtures.temporaryFolder()
    var options = RunOptions(workers: 1)
    options.trialsFirst = true
    _ = try await SuiteRunner.start(suite, source: Fixtures.source, folder: folder, options: options)
    #expect(try Fixtures.canonicalLog(folder) == (try Fixtures.canonicalLog(canonical)))
    // One worker: the trial lines appear trial by trial, every (task, method) of a trial first.
    let order = try RunLog.read(path: folder.logFile).compactMap { entry -> Int? in
      if case .trial(let record) = entry { return record.cell.trial }
      return nil
    }
    #expect(order == (0..<6).flatMap { Array(repeating: $0, count: 6) })
    let canonicalOrder = try RunLog.read(path: canonical.logFile).compactMap { entry -> Int? in
      if case .trial(let record) = entry { return record.cell.trial }
      return nil
    }
    #expect(canonicalOrder != order)
  }
}
