import Benchmarks
import Foundation
import Harness
import Results
import Testing

/// Checks on the shipped NAS-Bench-201 table (real data, small budgets).
@Suite struct RealBenchmarkTests {
  /// Issue 8 defect 8: an encoding NAS-Bench-Graph lacks is refused before anything runs.
  @Test func weakNASPathEncodingOnNASBenchGraphIsRefusedWithItsLine() throws {
    let source = try CatalogTaskSource()
    let loader = SuiteLoader(taskNames: source.taskNames)
    let yaml =
      "name: g\ntrials: 2\nbudget: { queries: 20 }\ntasks: [nbgraph-cora]\nmethods:\n  - method: weaknas\n    settings:\n      encoding: path\n"
    _ = try loader.load(yaml: yaml, file: "g.yaml")
    #expect(throws: SuiteError.self) { try loader.load(yaml: yaml, file: "g.yaml", preflight: SuitePreflight(source: source)) }
    do {
      _ = try loader.load(yaml: yaml, file: "g.yaml", preflight: SuitePreflight(source: source))
    } catch {
      #expect("\(error)".hasPrefix("g.yaml:8:17: methods[0].settings.encoding: invalid value 'path' for 'encoding'"), "\(error)")
    }
  }

  @Test func randomSearchMeanCurveMatchesItsExactExpectationOnNB201() async throws {
    let source = try CatalogTaskSource()
    let loader = SuiteLoader(taskNames: source.taskNames)
    let suite = try loader.load(
      yaml: """
        name: rs-expectation
        seed: 11
        trials: 300
        budget: { queries: 100 }
        tasks: [nb201-cifar10]
        methods: [{ method: random-search }]
        report: { checkpoints: [100] }
        """, file: "rs-expectation.yaml")
    let folder = RunFolder(path: temporaryDirectoryPath() + "rs-expectation-\(suite.seed)-\(UInt64.random(in: 0...UInt64.max))")
    _ = try await SuiteRunner.start(suite, source: source, folder: folder, options: RunOptions(workers: 2))
    let records = try folder.readRecords()
    let task = try source.task(named: "nb201-cifar10")
    let expectation = RandomSearchExpectation(task: task)
    for checkpoint in [1, 5, 10, 25, 50, 100] {
      var values: [Double] = []
      for trial in 0..<300 {
        let queries = records.queries.filter { $0.trial == trial && $0.query <= checkpoint }
        let best = try #require(queries.max { ($0.signal, -$0.query) < ($1.signal, -$1.query) })
        values.append(best.report)
      }
      let mean = values.reduce(0, +) / Double(values.count)
      let (expected, sd) = expectation.bestSignal(after: checkpoint)
      let standardError = sd / Double(values.count).squareRoot()
      #expect(abs(mean - expected) < 4 * standardError, "n=\(checkpoint): simulated \(mean), exact \(expected) ± \(standardError)")
    }
    // The exact curve itself is sane: it rises and approaches the best test accuracy.
    #expect(expectation.bestSignal(after: 100).mean > expectation.bestSignal(after: 10).mean)
    #expect(abs(expectation.bestSignal(after: 15_625).mean - task.report[task.signal.argmax]) < 1e-9)
    #expect(abs(task.report.maximum - 94.3733) < 1e-3)
  }
}

private func temporaryDirectoryPath() -> String { NSTemporaryDirectory() + "nasarena-tests/" }
