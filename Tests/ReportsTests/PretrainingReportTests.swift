import Analysis
import Reports
import Results
import Testing

/// The report's pretraining table: one row per key the run used, its origin and time, apart
/// from the trials' method seconds.
@Suite struct PretrainingReportTests {
  static func record(_ origin: PretrainingRecord.Origin, seconds: Double, load: Double) -> PretrainingRecord {
    PretrainingRecord(
      method: "arch2vec-bo", space: "nas-bench-201", key: "method: arch2vec-bo\nspace: nas-bench-201",
      keyHash: String(repeating: "ab", count: 32), contentHash: String(repeating: "cd", count: 32), bytes: 1_000_000,
      origin: origin, pretrainingSeconds: seconds, loadSeconds: load, progress: ["epoch 1"])
  }

  @Test func summaryAndPageShowEveryPretrainingWithItsOriginAndTime() throws {
    var records = SyntheticRun.records()
    records.manifest.pretraining = [Self.record(.computed, seconds: 42.5, load: 0), Self.record(.disk, seconds: 0, load: 0.25)]
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: records)).map { ($0.name, $0.text) })
    let summary = try #require(files["summary.md"])
    #expect(summary.contains("## Pretraining"))
    #expect(summary.contains("| arch2vec-bo | nas-bench-201 | computed | 42.5 | 0 | 1000000 | abababababababab | cdcdcdcdcdcdcdcd |"))
    #expect(summary.contains("| arch2vec-bo | nas-bench-201 | disk | 0 | 0.25 |"))
    let page = try #require(files["report.html"])
    #expect(page.contains("<summary>Pretraining</summary>") && page.contains("computed") && page.contains("disk"))
  }

  @Test func runsWithoutPretrainingHaveNoTable() throws {
    let files = ReportWriter.contents(of: RunAnalysis(records: SyntheticRun.records()))
    #expect(files.allSatisfy { !$0.text.contains("Pretraining") })
  }
}
