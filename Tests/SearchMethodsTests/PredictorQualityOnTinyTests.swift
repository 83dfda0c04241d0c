import Harness
import SearchMethods
import SearchSpaces
import TestSupport
import Testing

/// The three methods' predictors through the harness's predictor-quality evaluator.
@Suite struct PredictorQualityOnTinyTests {
  @Test func predictorsRankTheRestOfTheDomain() async throws {
    let source = TinyTaskSource(positions: 4, operations: 4)
    let suite = try SuiteLoader(taskNames: source.taskNames).load(
      yaml: """
        name: pq-tiny
        seed: 3
        trials: 1
        budget: { queries: 10 }
        tasks: [tiny]
        methods:
          - method: weaknas
            settings: { hiddenSizes: [64, 64] }
          - method: bananas
            settings: { epochs: 60, hiddenLayers: 3 }
          - method: brp-nas
            settings: { layers: 2, hiddenSize: 32, dropout: 0, learningRate: 0.003, epochs: 80 }
        predictorQuality: { sizes: [64], seeds: 2, precisionAt: [10] }
        """, file: "pq-tiny.yaml")
    let records = try await PredictorQualityEvaluator.evaluate(suite, settings: suite.predictorQuality, source: source, workers: 2)
    #expect(Set(records.map(\.predictor)) == ["weaknas", "bananas", "brp-nas"])
    for record in records { #expect(record.kendallTau > 0.5, "\(record.predictor): tau \(record.kendallTau)") }
  }
}
