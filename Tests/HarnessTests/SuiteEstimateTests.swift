import Foundation
import Harness
import Results
import Testing

@Suite struct SuiteEstimateTests {
  @Test func greedyScheduleTakesJobsInOrderOnTheFirstFreeWorker() {
    // In order on 2 workers: A 3, B 3, A 3+2, B 3+2, A 5+2 -> 7 (the optimum is 6: 3+3 | 2+2+2).
    #expect(GreedySchedule.makespan([3, 3, 2, 2, 2], workers: 2) == 7)
    #expect(GreedySchedule.makespan([3, 3, 2, 2, 2], workers: 1) == 12)
    #expect(GreedySchedule.makespan([3, 1, 4], workers: 8) == 4)
    #expect(GreedySchedule.makespan([], workers: 2) == 0)
    // A long job last keeps one worker busy after the others are done.
    #expect(GreedySchedule.makespan([1, 1, 1, 1, 10], workers: 2) == 12)
  }

  @Test func projectionSumsCoreTimeAndSchedulesShardsPerNode() throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)  // 2 tasks x 3 methods x 6 trials
    let times = suite.tasks.flatMap { task in
      suite.methodLabels.enumerated().map { index, label in
        TrialTimes(task: task, method: label, seconds: [Double(index + 1), Double(index + 1)], source: "test", backend: "portable")
      }
    }
    let estimate = SuiteEstimate(suite: suite, times: times, rejected: [], pretraining: [], spaceOfTask: [:])
    // Each task: 6 trials of 1 s, 6 of 2 s, 6 of 3 s.
    let one = estimate.projection(workersPerNode: 1)
    #expect(one.cellsTimed == 36 && one.cellsUntimed == 0)
    #expect(one.trialCoreSeconds == 72)
    #expect(one.wallSeconds == 72)
    let two = estimate.projection(workersPerNode: 2)
    #expect(two.wallSeconds == 36)
    // As many nodes as cells: the slowest node holds one 3-second trial.
    let wide = estimate.projection(nodes: 36, workersPerNode: 1)
    #expect(wide.wallSeconds == 3)
    #expect(wide.trialCoreSeconds == 72)
    // Trial by trial interleaves short and long trials; on 1 worker the sum is the same.
    #expect(estimate.projection(workersPerNode: 1, trialsFirst: true).wallSeconds == 72)
  }

  @Test func pretrainingIsPaidPerNodeUnlessTheCacheIsShared() throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let times = suite.tasks.flatMap { task in
      suite.methodLabels.map { TrialTimes(task: task, method: $0, seconds: [1], source: "test", backend: "portable") }
    }
    let cost = SuiteEstimate.PretrainingCost(
      keyHash: "k", family: "f", space: "tiny-space", labels: ["local-search"], seconds: 50, source: "test")
    let unknown = SuiteEstimate.PretrainingCost(
      keyHash: "u", family: "g", space: "tiny-space", labels: ["random-search"], seconds: nil, source: "test")
    let estimate = SuiteEstimate(
      suite: suite, times: times, rejected: [], pretraining: [cost, unknown],
      spaceOfTask: ["tiny": "tiny-space", "tiny-subset": "tiny-space"])
    let perNode = estimate.projection(nodes: 4, workersPerNode: 1)
    #expect(perNode.pretrainingWallSeconds == 50)
    #expect(perNode.unknownPretraining == 1)
    // 36 cells on 4 nodes: 9 each, plus 50 s of pretraining on every node.
    #expect(perNode.wallSeconds == 59)
    let shared = estimate.projection(nodes: 4, workersPerNode: 1, sharedCache: true)
    #expect(shared.wallSeconds == 59)
    // On one node with 2 workers the pretraining stage runs beside nothing else: 50 s, then 18 s.
    #expect(estimate.projection(workersPerNode: 2).wallSeconds == 68)
  }

  @Test func timesComeFromRunsWithTheSameBudgetAndSettingsAndSamplesFillTheRest() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let folder = try await Fixtures.run(suite)
    // Same settings except regularized evolution's sample size; one method more.
    let edited = try Fixtures.suite(
      Fixtures.threeMethods.replacingOccurrences(of: "sampleSize: 3", with: "sampleSize: 4"))
    let estimate = try await SuiteEstimate.measure(
      edited, from: [folder], sampleTrials: 2, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    let fromRun = estimate.times.filter { $0.source.hasPrefix(folder.path) }
    #expect(Set(fromRun.map(\.method)) == ["random-search", "local-search"])
    #expect(fromRun.allSatisfy { $0.seconds.count == 6 })
    let sampled = estimate.times.filter { $0.source == "sampled now" }
    #expect(sampled.map(\.method) == ["regularized-evolution", "regularized-evolution"])
    #expect(sampled.allSatisfy { $0.seconds.count == 2 && $0.seconds.allSatisfy { $0 >= 0 } })
    #expect(estimate.rejected.count == 1)
    #expect(estimate.rejected.first?.contains("settings.sampleSize = 3 there, 4 in the suite") == true)

    let longer = try Fixtures.suite(Fixtures.threeMethods.replacingOccurrences(of: "queries: 40", with: "queries: 30"))
    let none = try await SuiteEstimate.measure(
      longer, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    #expect(none.times.isEmpty)
    #expect(none.rejected == ["\(folder.path): budget 40 queries, the suite's is 30 queries; not used"])
  }

  @Test func anOldManifestWithoutBudgetOrSettingsIsCheckedAgainstTheFoldersSuiteFile() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let folder = try await Fixtures.run(suite)
    var manifest = try folder.readManifest()
    manifest.budget = nil
    manifest.suiteValues = nil
    try folder.writeJSON(manifest, to: folder.manifestFile)
    let same = try await SuiteEstimate.measure(
      suite, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    #expect(same.times.count == 6 && same.rejected.isEmpty)
    let longer = try Fixtures.suite(Fixtures.threeMethods.replacingOccurrences(of: "queries: 40", with: "queries: 50"))
    let other = try await SuiteEstimate.measure(
      longer, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    #expect(other.times.isEmpty)
    #expect(other.rejected == ["\(folder.path): budget 40 queries, the suite's is 50 queries; not used"])
  }

  @Test func aFolderWithoutItsLogIsReadFromTrialsCSVAndBadRowsAreNamed() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let folder = try await Fixtures.run(suite)
    let csv = (folder.path as NSString).appendingPathComponent("trials.csv")
    try #"""
    task,method,trial,status,method_seconds,message
    tiny,random-search,0,completed,0.5,"a, quoted ""message"""
    tiny,random-search,1,failed,9.0,
    tiny,random-search,2,exhausted,1.5,

    """#.write(toFile: csv, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: folder.logFile)
    let estimate = try await SuiteEstimate.measure(
      suite, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    let times = try #require(estimate.times.first { $0.task == "tiny" && $0.method == "random-search" })
    #expect(times.seconds == [0.5, 1.5])  // the failed trial is left out
    #expect(times.mean == 1)

    try "task,method,trial,status,method_seconds\ntiny,random-search,0,done,0.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
    await #expect(throws: EstimateError.unreadableTrials(path: csv, line: 2, detail: "status 'done' is not completed, exhausted or failed")) {
      _ = try await SuiteEstimate.measure(
        suite, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    }
    try "task,method,trial,status\n".write(toFile: csv, atomically: true, encoding: .utf8)
    await #expect(throws: EstimateError.self) {
      _ = try await SuiteEstimate.measure(
        suite, from: [folder], sampleTrials: 0, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions(workers: 1))
    }
  }
}
