import Analysis
import Foundation
import Reports
import Results
import Testing

@Suite struct ReportWriterTests {
  /// A fresh empty folder under the system's temporary directory.
  static func scratchFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nasarena-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    return url
  }

  static func read(_ folder: URL, _ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }
}

// MARK: - Files

extension ReportWriterTests {
  static let synthetic = RunAnalysis(records: SyntheticRun.records())

  @Test func writesTheDocumentedFilesAndReproducesThemByteForByte() throws {
    let folder = try Self.scratchFolder("files")
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try ReportWriter.write(Self.synthetic, to: folder.path)
    #expect(
      written == [
        "curves.csv", "curves_seconds.csv", "trials.csv", "queries_to_optimum.csv", "wilcoxon.csv", "ranks.csv",
        "bootstrap.csv", "recommendations.csv", "cross_task.csv", "summary.md", "report.html",
      ])
    let first = try written.map { try Self.read(folder, $0) }
    try ReportWriter.write(RunAnalysis(records: SyntheticRun.records()), to: folder.path)
    let second = try written.map { try Self.read(folder, $0) }
    #expect(first == second)
  }

  @Test func noRecommendationsFileWithoutRecommendations() {
    let analysis = RunAnalysis(records: SyntheticRun.records(recommendations: false))
    #expect(!ReportWriter.contents(of: analysis).map(\.name).contains("recommendations.csv"))
  }

  @Test func unwritableFolderThrowsAClearMessage() throws {
    let blocker = try Self.scratchFolder("blocker")
    defer { try? FileManager.default.removeItem(at: blocker) }
    try Data("x".utf8).write(to: blocker)
    let target = blocker.appendingPathComponent("run").path
    let error = #expect(throws: ReportError.self) { try ReportWriter.write(Self.synthetic, to: target) }
    let message = error.map(String.init(describing:)) ?? ""
    #expect(message.hasPrefix("report: cannot create folder '\(target)'; it must be a writable directory ("))
  }

  @Test func rowCountsFollowTheRunShape() throws {
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: Self.synthetic).map { ($0.name, $0.text) })
    func lines(_ name: String) -> Int { files[name]?.split(separator: "\n").count ?? 0 }
    // 3 methods x 2 curves x (100 + 50) queries, plus the header.
    #expect(lines("curves.csv") == 1 + 3 * 2 * 150)
    // Only the task with costs has a grid (100 points).
    #expect(lines("curves_seconds.csv") == 1 + 3 * 2 * 100)
    #expect(lines("trials.csv") == 1 + 3 * 30 + 3 * 10)
    #expect(lines("queries_to_optimum.csv") == 1 + 2 * 3 * 3 * 2)
    // Checkpoints 10, 25, 50, 100 on task a and 10, 25, 50 on task b; 3 pairs each.
    #expect(lines("wilcoxon.csv") == 1 + 3 * 4 + 3 * 3)
    #expect(lines("ranks.csv") == 1 + 3 * 150)
    #expect(lines("bootstrap.csv") == 1 + 3 * 4 + 3 * 3)
    #expect(lines("recommendations.csv") == 1 + 100)
  }
}

// MARK: - Exact contents on a hand-sized run

extension ReportWriterTests {
  /// Two methods, two trials, three queries; signal equals report; optimum 10.
  static func handRun() -> RunRecords {
    let reports: [(String, Int, [Double])] = [("a", 0, [5, 6, 7]), ("a", 1, [6, 6, 9]), ("b", 0, [4, 4, 4]), ("b", 1, [5, 5, 5])]
    let queries = reports.flatMap { method, trial, values in
      values.enumerated().map { index, value in
        QueryRecord(
          task: "toy", method: method, trial: trial, query: index + 1, poolIndex: index, key: "k", signal: value,
          report: value, cost: 1, cumulativeCost: Double(index + 1), batch: index, methodSeconds: 0, initial: false)
      }
    }
    let task = TaskRecord(
      name: "toy", benchmark: "bench", dataset: "data", signalColumn: "valid", reportColumn: "test", costColumn: nil,
      domainSize: 100, poolSize: 100, optimumSignal: 10, optimumReport: 10, topPermilleReport: 9.5,
      topPercentReport: 8.5, caveat: nil)
    let manifest = RunManifest(
      harnessVersion: "0", gitCommit: nil, swiftVersion: "6", suiteName: "hand", suiteHash: "0", dataChecksums: [:],
      numericBackend: "portable", machine: "m", workers: 1, shard: nil, started: "s", ended: nil,
      report: ReportSettings(checkpoints: [3], bootstrapSamples: 50))
    return RunRecords(
      manifest: manifest, tasks: [task], methods: ["a", "b"], queries: queries, recommendations: [], trials: [])
  }

  static func handFiles() -> [String: String] {
    Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: handRun())).map { ($0.name, $0.text) })
  }

  @Test func curvesCSVHeaderAndRow() throws {
    let lines = try #require(Self.handFiles()["curves.csv"]).split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "task,method,curve,query,count,mean,std,stderr,median,q25,q75,min,max,"
        + "regret_mean,regret_std,regret_stderr,regret_median,regret_q25,regret_q75,regret_min,regret_max")
    #expect(
      lines.dropFirst().first
        == "toy,a,report_of_best_signal,1,2,5.5,0.7071067811865476,0.5,5.5,5.25,5.75,5,6,4.5,0.7071067811865476,0.5,4.5,4.25,4.75,4,5")
  }

  @Test func wilcoxonAndTrialRows() throws {
    let files = Self.handFiles()
    let wilcoxon = try #require(files["wilcoxon.csv"]).split(separator: "\n").map(String.init)
    #expect(
      wilcoxon == [
        "task,checkpoint,method_a,method_b,pairs,nonzero,mean_difference,w_plus,w_minus,p_value,p_holm,p_method,rank_biserial,better",
        "toy,3,a,b,2,2,3.5,3,0,0.5,0.5,exact,1,a",
      ])
    let trials = try #require(files["trials.csv"]).split(separator: "\n").map(String.init)
    #expect(trials.dropFirst().first == "toy,a,0,,unfinished,3,7,7,3,3,3,,,,,,,,,,,")
    #expect(files["curves_seconds.csv"]?.split(separator: "\n").count == 1 + 2 * 2 * 100)
  }

  @Test func summaryTableRowIsExact() throws {
    let summary = try #require(Self.handFiles()["summary.md"])
    #expect(
      summary.contains(
        "| method | report_of_best_signal @ 3 | regret @ 3 | optimum reached | KM median to optimum | top 1 % reached | KM median to top 1 % | mean rank @ 3 |"
      )
    )
    #expect(summary.contains("| a | **8.00 ± 1.00** | **2.00 ± 1.00** | 0/2 (0 %) | – | 1/2 (50 %) | 3 | **1.00** |"))
    #expect(summary.contains("| b | 4.50 ± 0.50 | 5.50 ± 0.50 | 0/2 (0 %) | – | 0/2 (0 %) | – | 2.00 |"))
    #expect(summary.contains("| a | b | 2 | 3.50 | 3 | 0 | 0.500 | 0.500 | 1.00 | a |"))
  }
}

// MARK: - Summary and HTML

extension ReportWriterTests {
  @Test func summaryShowsCaveatAndManifestFacts() throws {
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: Self.synthetic).map { ($0.name, $0.text) })
    let summary = try #require(files["summary.md"])
    #expect(summary.contains("> **⚠ CAVEAT:** the table is a 10 % subset of the space; optima are of the subset"))
    #expect(summary.contains("| commit | 17b2a92 |"))
    #expect(summary.contains("| started | 2025-06-01T10:00:00Z |"))
    #expect(summary.contains("### Wilcoxon signed-rank tests at 100 queries"))
    #expect(summary.contains("- failed: regularized-evolution trial 7: tell: proposal 3 was never asked"))
  }

  @Test func htmlIsSelfContainedWithOnePlotPerView() throws {
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: Self.synthetic).map { ($0.name, $0.text) })
    let html = try #require(files["report.html"])
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("@import") && !html.contains("url(http"))
    // The cross-task diagram; task a: best, regret, oracle, seconds, rank, recommendations;
    // task b: no seconds, no recommendations.
    #expect(html.components(separatedBy: "<svg ").count - 1 == 1 + 6 + 4)
    #expect(html.contains("⚠ CAVEAT: the table is a 10 % subset"))
    #expect(html.contains("regret of report_of_best_signal (log scale)"))
    #expect(html.contains(">random-search</text>") && html.contains("stroke=\"#0072B2\""))
  }
}

// MARK: - A report to look at

extension ReportWriterTests {
  /// Leaves the synthetic run's report in the temporary folder, for opening in a browser.
  @Test func writesTheSyntheticReportForInspection() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nasarena-report-fixture")
    let written = try ReportWriter.write(Self.synthetic, to: folder.path)
    print("synthetic report: \(folder.appendingPathComponent("report.html").path)")
    #expect(written.count == 11)
  }
}

// MARK: - Degenerate runs

extension ReportWriterTests {
  @Test func oneMethodOneTrialAndATaskWithoutQueries() throws {
    let full = Self.handRun()
    let empty = TaskRecord(
      name: "empty", benchmark: "bench", dataset: "data", signalColumn: "valid", reportColumn: "test", costColumn: nil,
      domainSize: 10, poolSize: 10, optimumSignal: 1, optimumReport: 1, topPermilleReport: 1, topPercentReport: 1,
      caveat: "no architecture of this task was queried")
    let records = RunRecords(
      manifest: full.manifest, tasks: full.tasks + [empty], methods: ["a"],
      queries: full.queries.filter { $0.method == "a" && $0.trial == 0 }, recommendations: [], trials: [])
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: records)).map { ($0.name, $0.text) })
    #expect(files["wilcoxon.csv"]?.split(separator: "\n").count == 1)
    #expect(files["ranks.csv"]?.split(separator: "\n").count == 1)
    // A single trial has no spread: std and stderr are empty fields.
    #expect(files["curves.csv"]?.contains("\ntoy,a,report_of_best_signal,3,1,7,,,7,7,7,7,7,3,,,3,3,3,3,3\n") == true)
    let html = try #require(files["report.html"])
    // report_of_best_signal, regret, oracle_max and seconds (each query costs 1); no rank plot for one method.
    #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
    #expect(html.contains("No queries were recorded for this task."))
    #expect(files["summary.md"]?.contains("> **⚠ CAVEAT:** no architecture of this task was queried") == true)
  }
}

// MARK: - Failures leave the old files

extension ReportWriterTests {
  @Test func aFailedWriteLeavesEveryOldFileAndNoTemporaryOne() throws {
    let folder = try Self.scratchFolder("failed-write")
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = try ReportWriter.write(Self.synthetic, to: folder.path)
    let before = try names.map { try Self.read(folder, $0) }
    // The last file's temporary name is taken by a folder, so writing it fails after every
    // other file has been staged.
    let blocker = folder.appendingPathComponent(".report.html.tmp-\(getpid())")
    try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
    let other = RunAnalysis(records: SyntheticRun.records(tasks: [("synthetic-b", 8, 40, false, nil)]))
    #expect(throws: ReportError.self) { try ReportWriter.write(other, to: folder.path) }
    #expect(try names.map { try Self.read(folder, $0) } == before)
    try FileManager.default.removeItem(at: blocker)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    #expect(left.isEmpty, "temporary files left: \(left)")
  }
}
