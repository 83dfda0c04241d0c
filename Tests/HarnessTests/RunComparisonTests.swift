import Analysis
import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// `RunComparison`: runs made with the same seeds are combined into one set of records whose
/// paired tests equal those of one run holding every method; runs that cannot be paired are
/// refused with the reason.
@Suite struct RunComparisonTests {
  static func run(seed: Int = 4, queries: Int = 20, tasks: String = "[tiny, tiny-subset]", methods: [String]) async throws -> RunRecords {
    let suite = try SuiteLoader(methods: MethodRegistry.builtIn, taskNames: Fixtures.source.taskNames).load(
      yaml: """
        name: compare-\(methods.joined(separator: "-"))
        seed: \(seed)
        trials: 6
        budget: { queries: \(queries) }
        tasks: \(tasks)
        methods:
        \(methods.map { "  - method: \($0)" }.joined(separator: "\n"))
        report: { checkpoints: [10, 20] }
        """, file: "compare.yaml")
    let folder = Fixtures.temporaryFolder()
    _ = try await SuiteRunner.start(suite, source: Fixtures.source, folder: folder, options: RunOptions(workers: 2))
    return try folder.readRecords()
  }

  @Test func runsWithTheSameSeedsCombineIntoTheRunThatHoldsEveryMethod() async throws {
    let first = try await Self.run(methods: ["random-search", "regularized-evolution"])
    let second = try await Self.run(tasks: "[tiny]", methods: ["random-search", "local-search"])
    let together = try await Self.run(tasks: "[tiny]", methods: ["random-search", "regularized-evolution", "local-search"])
    let outcome = try RunComparison.combine([.init(name: "first", records: first), .init(name: "second", records: second)])
    #expect(outcome.records.methods == ["random-search", "regularized-evolution", "local-search"], "random search agrees, so it is kept once")
    #expect(outcome.records.tasks.map(\.name) == ["tiny"])
    #expect(outcome.notes.contains { $0.contains("tiny-subset") && $0.contains("left out") })
    #expect(outcome.records.queries.map(\.deterministic) == together.queries.map(\.deterministic))
    let combined = RunAnalysis(records: outcome.records).tasks[0]
    let reference = RunAnalysis(records: together).tasks[0]
    #expect(combined.comparisons == reference.comparisons)
    #expect(combined.curves == reference.curves)
  }

  @Test func runsThatCannotBePairedAreRefusedWithTheReason() async throws {
    let base = try await Self.run(methods: ["random-search"])
    let otherSeed = try await Self.run(seed: 5, methods: ["regularized-evolution"])
    let otherBudget = try await Self.run(queries: 10, methods: ["regularized-evolution"])
    #expect {
      try RunComparison.combine([.init(name: "base", records: base), .init(name: "seed5", records: otherSeed)])
    } throws: { "\($0)".contains("seed") && "\($0)".contains("seed5") }
    #expect {
      try RunComparison.combine([.init(name: "base", records: base), .init(name: "short", records: otherBudget)])
    } throws: { "\($0)".contains("budget") && "\($0)".contains("short") }
    #expect(throws: RunComparison.Mismatch.self) { try RunComparison.combine([.init(name: "base", records: base)]) }
  }

  @Test func aMethodThatDiffersOnASharedTrialIsKeptApartUnderARenamedLabel() async throws {
    let first = try await Self.run(methods: ["random-search"])
    var second = try await Self.run(methods: ["random-search"])
    second.queries = QueryTable(
      second.queries.map { query in
        var changed = query
        if changed.trial == 0 && changed.query == 1 { changed.poolIndex = (changed.poolIndex + 1) % 256 }
        return changed
      })
    let outcome = try RunComparison.combine([.init(name: "a", records: first), .init(name: "b", records: second)])
    #expect(outcome.records.methods == ["random-search", "random-search@b"])
    #expect(outcome.notes.contains { $0.contains("random-search@b") })
  }

  @Test func runsWithLargerQueryBudgetsCutAtTheSmallerOneEqualTheRunOfThatBudget() async throws {
    let long = try await Self.run(queries: 20, tasks: "[tiny]", methods: ["random-search", "regularized-evolution"])
    let short = try await Self.run(queries: 10, tasks: "[tiny]", methods: ["random-search", "local-search"])
    let together = try await Self.run(queries: 10, tasks: "[tiny]", methods: ["random-search", "regularized-evolution", "local-search"])
    #expect(throws: RunComparison.Mismatch.self, "budgets differ without a cut") {
      try RunComparison.combine([.init(name: "long", records: long), .init(name: "short", records: short)])
    }
    let outcome = try RunComparison.combine([.init(name: "long", records: long), .init(name: "short", records: short)], cutAtQueries: 10)
    #expect(outcome.records.methods == ["random-search", "regularized-evolution", "local-search"], "random search's first 10 queries agree")
    #expect(outcome.records.manifest.budget == .queries(10))
    #expect(outcome.records.manifest.report.checkpoints == [10])
    #expect(outcome.notes.contains { $0.contains("long") && $0.contains("cut at 10") })
    #expect(!outcome.notes.contains { $0.hasPrefix("short") }, "a run of exactly the cut is not cut")
    #expect(outcome.records.queries.map(\.deterministic) == together.queries.map(\.deterministic))
    #expect(outcome.records.trials.map(\.queries) == together.trials.map(\.queries))
    #expect(outcome.records.trials.map(\.cost) == together.trials.map(\.cost))
    #expect(outcome.records.trials.map(\.batches) == together.trials.map(\.batches))
    #expect(outcome.records.trials.allSatisfy { $0.status == .completed })
    let combined = RunAnalysis(records: outcome.records).tasks[0]
    let reference = RunAnalysis(records: together).tasks[0]
    #expect(combined.comparisons == reference.comparisons)
    #expect(combined.curves == reference.curves)
  }

  @Test func aCutAboveARunsBudgetOrOfASecondsBudgetIsRefused() async throws {
    let long = try await Self.run(queries: 20, tasks: "[tiny]", methods: ["random-search"])
    let short = try await Self.run(queries: 10, tasks: "[tiny]", methods: ["random-search"])
    #expect {
      try RunComparison.combine([.init(name: "long", records: long), .init(name: "short", records: short)], cutAtQueries: 15)
    } throws: { "\($0)".contains("short") && "\($0)".contains("fewer than the cut at 15") }
    var timed = long
    timed.manifest.budget = .seconds(5000)
    #expect {
      try RunComparison.combine([.init(name: "long", records: long), .init(name: "timed", records: timed)], cutAtQueries: 10)
    } throws: { "\($0)".contains("timed") && "\($0)".contains("only query budgets") }
  }
}
