import Analysis
import Foundation
import Reports
import Results
import Testing

/// `trial_curves.csv` and `queries.csv` (`nasarena report --tidy`).
@Suite struct TidyTablesTests {
  @Test func everyQueryOfEveryTrialHasARowAndTheLastOneIsTheTrialsFinalValue() throws {
    let records = SyntheticRun.records()
    let folder = NSTemporaryDirectory() + "nasarena-tidy-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try ReportWriter.writeTidy(records, to: folder) == ["trial_curves.csv", "queries.csv"])
    let curves = try String(contentsOfFile: folder + "/trial_curves.csv", encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(curves[0] == ["task", "method", "trial", "query", "report_of_best_signal", "best_report_seen", "cumulative_cost_s"])
    #expect(curves.count - 1 == records.queries.count)
    var last: [String: [String]] = [:]
    for row in curves.dropFirst() { last["\(row[0])/\(row[1])/\(row[2])"] = row }
    let analysis = RunAnalysis(records: records)
    for outcome in analysis.tasks.flatMap(\.trials) where outcome.queries > 0 {
      let row = try #require(last["\(outcome.cell.task)/\(outcome.cell.method)/\(outcome.cell.trial)"])
      #expect(Int(row[3]) == outcome.queries)
      #expect(Double(row[4]) == outcome.finalBestSignal && Double(row[5]) == outcome.finalOracleMax)
    }
    let queries = try String(contentsOfFile: folder + "/queries.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(queries.count == records.queries.count)
    let keys = queries.map { line -> TrialCell in
      let fields = line.split(separator: ",")
      return TrialCell(task: String(fields[0]), method: String(fields[1]), trial: Int(fields[2]) ?? -1)
    }
    #expect(keys == keys.sorted())
  }
}
