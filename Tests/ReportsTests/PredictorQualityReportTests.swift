import Analysis
import Reports
import Results
import Testing

@Suite struct PredictorQualityReportTests {
  static func record(_ predictor: String, n: Int, seed: Int, tau: Double) -> PredictorQualityRecord {
    PredictorQualityRecord(
      task: "t", predictor: predictor, trainingSize: n, seed: seed, testSize: 100 - n, kendallTau: tau,
      spearmanRho: tau + 0.1, precision: ["10": tau / 2], fitSeconds: 0.5)
  }

  static let records = [
    record("mlp", n: 10, seed: 0, tau: 0.2), record("mlp", n: 10, seed: 1, tau: 0.4),
    record("mlp", n: 50, seed: 0, tau: 0.6), record("mlp", n: 50, seed: 1, tau: 0.8),
    record("gcn", n: 10, seed: 0, tau: 0.1), record("gcn", n: 10, seed: 1, tau: 0.3),
  ]

  @Test func summaryAveragesOverSeedsPerPredictorAndSize() throws {
    let analysis = PredictorQualityAnalysis(records: Self.records)
    #expect(analysis.predictors == ["mlp", "gcn"])
    #expect(analysis.precisionAt == [10])
    let row = try #require(analysis.rows.first { $0.predictor == "mlp" && $0.trainingSize == 50 })
    #expect(abs(row.kendallTau.mean - 0.7) < 1e-12)
    #expect(abs(row.kendallTau.stderr - 0.1) < 1e-12)
    #expect(abs(row.precision[0].summary.mean - 0.35) < 1e-12)
  }

  @Test func filesHoldTheRecordsAndTheSummary() throws {
    let files = PredictorQualityReport.contents(of: PredictorQualityAnalysis(records: Self.records), title: "pq")
    #expect(files.map(\.name) == ["predictor_quality.csv", "predictor_quality_summary.csv", "predictor_quality.md", "predictor_quality.html"])
    let csv = files[0].text.split(separator: "\n")
    #expect(csv[0] == "task,predictor,training_size,seed,test_size,kendall_tau,spearman_rho,precision_at_10,fit_seconds")
    #expect(csv[1] == "t,mlp,10,0,90,0.2,0.30000000000000004,0.1,0.5")
    #expect(csv.count == 7)
    #expect(files[1].text.contains("t,mlp,50,kendall_tau,2,0.7,"))
    #expect(files[2].text.contains("| mlp | 50 | 2 | 0.700 ± 0.100 |"))
    #expect(files[3].text.contains("<svg") && !files[3].text.contains("<script"))
  }
}
