import Benchmarks
import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

@Suite struct ProtocolTests {
  @Test func queryBudgetIsExactForEveryTrial() async throws {
    let folder = try await Fixtures.run(try Fixtures.suite(Fixtures.threeMethods))
    let records = try folder.readRecords()
    #expect(records.trials.count == 2 * 3 * 6)
    for trial in records.trials {
      #expect(trial.status == .completed, "\(trial.cell) \(trial.status) \(trial.message ?? "")")
      #expect(trial.queries == 40)
      let queries = records.queries.filter { $0.cell == trial.cell }
      #expect(queries.map(\.query) == Array(1...40))
      #expect(Set(queries.map(\.poolIndex)).count == 40, "duplicates are free, so every counted query is new")
    }
  }

  @Test func secondsBudgetStopsBeforeOvershooting() async throws {
    let suite = try Fixtures.suite(
      """
      name: t
      trials: 4
      budget: { seconds: 500 }
      tasks: [tiny]
      methods: [{ method: random-search }, { method: regularized-evolution, settings: { populationSize: 5, sampleSize: 2 } }]
      """)
    let folder = try await Fixtures.run(suite)
    let records = try folder.readRecords()
    let task = try Fixtures.source.task(named: "tiny")
    for trial in records.trials {
      let queries = records.queries.filter { $0.cell == trial.cell }
      let total = queries.map(\.cost).reduce(0, +)
      #expect(total <= 500)
      #expect(abs((queries.last?.cumulativeCost ?? 0) - total) < 1e-9)
      // The trial ends at the first evaluation that would overshoot; the most expensive tiny
      // architecture costs 70 s, so a trial that stopped any earlier would be below 430 s.
      let dearest = task.domain.indices.compactMap { task.cost?[$0] }.max() ?? 0
      #expect(dearest == 70)
      #expect(trial.status == .completed)
      #expect(total > 500 - dearest, "stopped early at \(total) s")
    }
  }

  @Test func outsideDomainProposalsAreRefusedAndCounted() async throws {
    let suite = try Fixtures.suite(
      """
      name: t
      trials: 3
      budget: { queries: 20 }
      tasks: [tiny-subset]
      methods: [{ method: regularized-evolution, settings: { populationSize: 5, sampleSize: 2 } }]
      """)
    let records = try await Fixtures.run(suite).readRecords()
    let task = try Fixtures.source.task(named: "tiny-subset")
    #expect(records.queries.allSatisfy { task.domain.contains($0.poolIndex) })
    #expect(records.trials.allSatisfy { $0.queries == 20 })
  }

  @Test func resultsDoNotDependOnParallelism() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    let one = try Fixtures.canonicalLog(try await Fixtures.run(suite, workers: 1))
    let four = try Fixtures.canonicalLog(try await Fixtures.run(suite, workers: 4))
    #expect(one.count > 0)
    #expect(one == four)
  }

  @Test func trialsArePairedAcrossMethods() async throws {
    let records = try await Fixtures.run(try Fixtures.suite(Fixtures.threeMethods)).readRecords()
    for trial in 0..<6 {
      let initial = { (method: String, count: Int) in
        records.queries.filter { $0.task == "tiny" && $0.trial == trial && $0.method == method }.prefix(count).map(\.poolIndex)
      }
      #expect(initial("random-search", 10) == initial("regularized-evolution", 10))
      #expect(initial("random-search", 10) == initial("local-search", 10))
    }
    let firstTrials = records.queries.filter { $0.task == "tiny" && $0.method == "random-search" && $0.query == 1 }.map(\.poolIndex)
    #expect(Set(firstTrials).count > 1, "different trials start from different samples")
  }

  @Test func methodsReceiveNoLabels() throws {
    let task = try Fixtures.source.task(named: "tiny")
    let context = SearchContext(domain: task.domain, initialDesign: InitialDesign(domain: task.domain, seed: 1))
    let labels = Set(task.signal.values.filter(\.isFinite) + task.report.values.filter(\.isFinite))
    var visited = 0
    func walk(_ value: Any, depth: Int) {
      visited += 1
      #expect(!(value is BenchmarkTask) && !(value is LabelColumn), "a method can reach \(type(of: value))")
      if let number = value as? Double { #expect(!labels.contains(number), "a method can reach the label \(number)") }
      guard depth < 8 else { return }
      for child in Mirror(reflecting: value).children { walk(child.value, depth: depth + 1) }
    }
    walk(context, depth: 0)
    #expect(visited > 10)
  }

  @Test func countedDuplicatesSpendBudget() async throws {
    let suite = try Fixtures.suite(
      """
      name: t
      trials: 2
      budget: { queries: 30 }
      duplicates: counted
      tasks: [tiny]
      methods: [{ method: local-search, settings: { variant: best-improvement } }]
      """)
    let records = try await Fixtures.run(suite).readRecords()
    #expect(records.trials.allSatisfy { $0.queries == 30 })
  }
}
