import Analysis
import Foundation
import Harness
import Reports
import Results
import SearchMethods
import TestSupport
import Testing

/// Generated cells through the real oracle: the fixture generator proposes invalid cells,
/// valid cells outside the pool, pool cells outside the domain and repeats; the run counts
/// each refusal apart in `trials.csv` and reports validity, uniqueness and novelty per round.
@Suite struct GeneratedCellsTests {
  /// Four slots over four pool labels plus one valid label outside the pool.
  static let source = TinyTaskSource(positions: 4, operations: 4, unpooledOperations: 1)
  static let loader = SuiteLoader(methods: MethodRegistry.builtIn + [MethodEntry(GeneratorFixtureMethod.self)], taskNames: source.taskNames)
  static let suite = """
    name: generated
    seed: 12
    trials: 3
    budget: { queries: 30 }
    tasks: [tiny-subset]
    methods:
      - method: fixture-generator
        settings: { cellsPerStep: 8 }
    report: { checkpoints: [10, 30] }
    """

  static func run() async throws -> RunRecords {
    let folder = RunFolder(path: NSTemporaryDirectory() + "nasarena-e2e/generated-\(UUID().uuidString)")
    _ = try await SuiteRunner.start(
      try loader.load(yaml: suite, file: "generated.yaml"), source: source, folder: folder, options: RunOptions(workers: 2))
    return try folder.readRecords()
  }

  @Test func eachRefusalKindIsCountedApartAndMatchesTheGeneratedCells() async throws {
    let records = try await Self.run()
    let task = try Self.source.task(named: "tiny-subset")
    #expect(records.trials.count == 3)
    for trial in records.trials {
      #expect(trial.status == .completed && trial.queries == 30, "\(trial.cell) \(trial.status) \(trial.message ?? "")")
      // One deliberately invalid cell per step; token rows over valid labels are never invalid.
      #expect(trial.refusedInvalid == trial.batches)
      #expect(trial.refusedNotInPool > 0 && trial.refusedOutsideDomain > 0 && trial.repeats > 0)
      #expect(trial.refused == trial.refusedInvalid + trial.refusedNotInPool + trial.refusedOutsideDomain)
      let generations = records.generations.filter { $0.cell == trial.cell }
      #expect(generations.map(\.batch) == Array(0..<trial.batches))
      // Generated = 8 token rows + 1 invalid cell (+ 1 repeat once something is queried).
      #expect(generations.map(\.generated) == [9] + [Int](repeating: 10, count: trial.batches - 1))
      #expect(generations.reduce(0) { $0 + $1.generated - $1.valid } == trial.refusedInvalid)
      for generation in generations {
        #expect(generation.valid >= generation.unique && generation.unique >= generation.novel && generation.unique >= generation.inDomain)
        #expect(generation.tokenCounts.count == 4 && generation.tokenCounts.allSatisfy { $0.count == 5 })
        // Counted over the cells with tokens: the 8 rows and the repeat, not the short cell.
        #expect(generation.tokenCounts.allSatisfy { $0.reduce(0, +) == 8 + (generation.batch > 0 ? 1 : 0) })
      }
    }
    #expect(records.queries.allSatisfy { task.domain.contains($0.poolIndex) })
    // The fixture's two running shares, one value per generated cell.
    for generation in records.generations {
      #expect(generation.lossCurves.map(\.name) == ["valid fraction", "in-domain fraction"])
      #expect(generation.lossCurves.allSatisfy { $0.values.count == generation.generated })
      #expect(generation.lossCurves.first?.values.last == Double(generation.valid) / Double(generation.generated))
    }
  }

  @Test func theReportComparesTheGeneratedTokensWithTheTopPercentAndShowsTheLosses() async throws {
    let records = try await Self.run()
    let task = try Self.source.task(named: "tiny-subset")
    let signature = try #require(records.tasks.first?.signature)
    #expect(signature.domainCount == task.domain.count && signature.topCount >= 1)
    let analysis = RunAnalysis(records: records)
    let generated = try #require(analysis.signatures.first)
    #expect(analysis.signatures.count == 1 && generated.method == "fixture-generator")
    #expect(generated.rounds.count == Set(records.generations.map(\.batch)).count)
    // Uniform random tokens: far from the top 1 % on every position, but not disjoint from the domain.
    #expect(generated.pooled.distanceToTop > generated.pooled.distanceToDomain)
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: analysis).map { ($0.name, $0.text) })
    let summary = try #require(files["summary.md"])
    #expect(summary.contains("### Architecture signatures: fixture-generator") && summary.contains("### Training losses"))
    let tokens = signature.positions.reduce(0) { $0 + $1.tokens.count }
    let csv = try #require(files["signatures.csv"])
    #expect(csv.split(separator: "\n").count == 1 + (generated.rounds.count + 1) * tokens)
    let html = try #require(files["report.html"])
    #expect(html.contains("class=\"heatmap\"") && html.contains("fixture-generator training losses"))
  }

  @Test func trialsTableAndReportShowTheRefusalsAndTheRounds() async throws {
    let records = try await Self.run()
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: records)).map { ($0.name, $0.text) })
    let trials = try #require(files["trials.csv"]).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(trials.first)
    let columns = ["refused", "refused_invalid", "refused_not_in_pool", "refused_outside_domain", "repeats"]
    let positions = try columns.map { name in try #require(header.firstIndex(of: name), "trials.csv has no \(name)") }
    for record in records.trials {
      let row = try #require(trials.dropFirst().first { $0[2] == String(record.trial) })
      #expect(
        positions.map { row[$0] }
          == [record.refused, record.refusedInvalid, record.refusedNotInPool, record.refusedOutsideDomain, record.repeats].map(String.init))
    }
    let rounds = GenerationRound.all(records.generations)
    let summary = try #require(files["summary.md"])
    #expect(summary.contains("### Generated cells per round"))
    let first = try #require(rounds.first)
    #expect(first.trials == 3 && first.generated == 27)
    #expect(summary.contains("| fixture-generator | 0 | 3 | 27 |"))
    #expect(try #require(files["report.html"]).contains("<h3>Generated cells per round</h3>"))
    let csv = try #require(files["generations.csv"])
    #expect(csv.split(separator: "\n").count == 1 + rounds.count)
  }

  @Test func theDriverSeesTheSameThreeRefusalsFromTheRealOracle() throws {
    let task = try Self.source.task(named: "tiny-subset")
    let trace = try MethodDriver(task: task, entry: MethodEntry(GeneratorFixtureMethod.self)).run(seed: 3, budget: 20)
    #expect(Set(trace.refusals) == Set(Observation.Refusal.allCases))
    #expect(trace.queried.count == 20 && Set(trace.queried).count == 20)
  }
}
