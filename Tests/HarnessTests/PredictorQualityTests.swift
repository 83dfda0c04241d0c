import Harness
import Results
import SearchMethods
import TestSupport
import Testing

@Suite struct PredictorQualityTests {
  static let entries = MethodRegistry.builtIn + [MethodEntry(AdditiveModelMethod.self)]
  static let loader = SuiteLoader(methods: entries, taskNames: Fixtures.source.taskNames)

  static func suite() throws -> Suite {
    try loader.load(
      yaml: """
        name: pq
        seed: 5
        trials: 1
        budget: { queries: 30 }
        tasks: [tiny, tiny-subset]
        methods:
          - method: random-search
          - method: additive-model
          - method: additive-model
            label: additive-model-2
        predictorQuality: { sizes: [8, 40, 200], seeds: 6, precisionAt: [5] }
        """, file: "pq.yaml")
  }

  @Test func everyPredictorIsTestedOnPairedSplitsOfEverySize() async throws {
    let suite = try Self.suite()
    let records = try await PredictorQualityEvaluator.evaluate(suite, settings: suite.predictorQuality, source: Fixtures.source, workers: 3)
    // tiny has 256 architectures (all sizes fit); tiny-subset 86 (200 does not fit).
    #expect(records.count == (3 + 2) * 6 * 2)
    #expect(Set(records.map(\.predictor)) == ["additive-model", "additive-model-2"])
    for record in records { #expect(record.testSize == (record.task == "tiny" ? 256 : 86) - record.trainingSize) }
    // Two copies of one predictor on paired splits give the same numbers.
    let first = records.filter { $0.predictor == "additive-model" }.map { [$0.kendallTau, $0.spearmanRho] }
    let second = records.filter { $0.predictor == "additive-model-2" }.map { [$0.kendallTau, $0.spearmanRho] }
    #expect(first == second)
  }

  @Test func moreLabelsRankBetterAndResultsAreDeterministic() async throws {
    let suite = try Self.suite()
    let a = try await PredictorQualityEvaluator.evaluate(suite, settings: suite.predictorQuality, source: Fixtures.source, workers: 1)
    let b = try await PredictorQualityEvaluator.evaluate(suite, settings: suite.predictorQuality, source: Fixtures.source, workers: 4)
    #expect(a.map(\.kendallTau) == b.map(\.kendallTau))
    func meanTau(_ size: Int) -> Double {
      let values = a.filter { $0.task == "tiny" && $0.trainingSize == size }.map(\.kendallTau)
      return values.reduce(0, +) / Double(values.count)
    }
    #expect(meanTau(200) > meanTau(8) + 0.2, "tau \(meanTau(8)) -> \(meanTau(200))")
    #expect(meanTau(200) > 0.6)
  }

  @Test func splitsDependOnSeedAndSizeOnly() throws {
    let task = try Fixtures.source.task(named: "tiny")
    let a = PredictorQualityEvaluator.trainingSplit(task: task, size: 20, seed: 1, suiteSeed: 5)
    #expect(a == PredictorQualityEvaluator.trainingSplit(task: task, size: 20, seed: 1, suiteSeed: 5))
    #expect(a != PredictorQualityEvaluator.trainingSplit(task: task, size: 20, seed: 2, suiteSeed: 5))
    #expect(Set(a).count == 20)
  }

  @Test func suiteWithoutPredictorsIsRefused() async throws {
    let suite = try Fixtures.suite(Fixtures.threeMethods)
    await #expect(throws: RunError.noPredictors(methods: ["random-search", "regularized-evolution", "local-search"])) {
      _ = try await PredictorQualityEvaluator.evaluate(suite, settings: suite.predictorQuality, source: Fixtures.source)
    }
  }
}
