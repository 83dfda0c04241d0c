import Analysis
import Foundation
import Harness
import Results
import TestSupport
import Testing

/// `baselines/published.csv` as data, and runs held against its rows (`nasarena reproduce`).
@Suite struct ReproductionTests {
  static let header = PublishedNumbers.columns.joined(separator: ",")

  /// A row over the tiny task: random search at 20 queries, published 10 ± 2 over 8 trials.
  static func row(
    id: String = "tiny-rs", data: String = "shipped", signal: String = "signal", budgetKind: String = "queries", budget: String = "20",
    selection: String = "test-of-best-signal", method: String = "random-search", mean: String = "10", spread: String = "2",
    spreadKind: String = "std", status: String = "verified"
  ) -> String {
    [
      id, "a test", "\"Someone, 2020\"", "tiny", data, signal, "report", "best report", selection, budgetKind, budget, method, "8",
      mean, spread, spreadKind, "points", status, "",
    ].joined(separator: ",")
  }

  static func suite(targets: [(row: String, method: String, task: String)], tolerance: Double = 0.5) -> String {
    """
    name: reproduce-tiny
    seed: 3
    trials: 8
    budget: { queries: 20 }
    tasks: [tiny, tiny-subset]
    methods:
      - method: random-search
      - method: local-search
        label: ls
    report: { checkpoints: [10, 20] }
    reproduce:
      tolerance: \(tolerance)
      targets:
    \(targets.map { "    - { row: \($0.row), method: \($0.method), task: \($0.task) }" }.joined(separator: "\n"))
    """
  }

  static func reproduce(_ yaml: String, rows: [String]) async throws -> Reproduction {
    let suite = try Fixtures.suite(yaml)
    let folder = try await Fixtures.run(suite)
    let records = try folder.readRecords()
    let published = try PublishedNumbers.parse(([header] + rows).joined(separator: "\n"), file: "published.csv")
    return try Reproduction(suite: suite, records: records, analysis: RunAnalysis(records: records), published: published)
  }

  @Test func aMatchingRowIsComparedWithTheRunsTrials() async throws {
    let rows = [Self.row(mean: "13.5", spread: "2"), Self.row(id: "far", mean: "30", spread: "2")]
    let reproduction = try await Self.reproduce(
      Self.suite(targets: [("tiny-rs", "random-search", "tiny"), ("far", "random-search", "tiny")]), rows: rows)
    let line = try #require(reproduction.lines.first)
    let ours = try #require(line.ours)
    #expect(line.trials == 8)
    #expect(ours.standardError > 0 && abs(ours.standardError - ours.standardDeviation / 8.0.squareRoot()) < 1e-12)
    #expect(try #require(line.standardDeviations) == (ours.mean - 13.5) / 2)
    #expect(line.verdict == (abs(ours.mean - 13.5) <= 1 ? "reproduced" : (ours.mean > 13.5 ? "higher" : "lower")))
    #expect(reproduction.lines[1].verdict == "lower")
    #expect(reproduction.markdown(suite: "t").contains("| far | random-search | tiny | 30.00 ± 2.00 | 8 | verified |"))
    #expect(reproduction.csv.split(separator: "\n").count == 3)
  }

  @Test func rowsWhoseConventionTheRunDoesNotMatchAreRefusedWithTheReason() async throws {
    let cases: [(String, String)] = [
      (Self.row(id: "full", data: "nb101-full"), "needs the full NAS-Bench-101 table"),
      (Self.row(id: "budget", budget: "50"), "the row's budget is 50 queries, the run's 20 queries"),
      (Self.row(id: "seconds", budgetKind: "seconds", budget: "100"), "the row's budget is 100.0 simulated seconds"),
      (Self.row(id: "signal", signal: "other"), "the row searched on other, the task searches on signal"),
      (Self.row(id: "method", method: "bananas"), "the row is for method 'bananas', the label 'random-search' runs 'random-search'"),
      (Self.row(id: "top1", selection: "oracle-max-and-predicted-top-1"), "is not one reproduce computes"),
    ]
    let targets =
      cases.map { (row: String($0.0.prefix { $0 != "," }), method: "random-search", task: "tiny") } + [
        (row: "missing", method: "random-search", task: "tiny")
      ]
    let reproduction = try await Self.reproduce(Self.suite(targets: targets), rows: cases.map(\.0))
    for (line, expected) in zip(reproduction.lines, cases.map(\.1) + ["no row 'missing'"]) {
      #expect(line.verdict == "refused")
      #expect(line.ours == nil)
      #expect(line.reasons.contains { $0.contains(expected) }, "\(line.target.row): \(line.reasons)")
    }
  }

  @Test func aRowWithoutSpreadIsComparedWithoutAVerdictAndCaveatsAreListed() async throws {
    let rows = [Self.row(spread: "", spreadKind: "none", status: "unverified")]
    let reproduction = try await Self.reproduce(Self.suite(targets: [("tiny-rs", "ls", "tiny-subset")]), rows: rows)
    let line = try #require(reproduction.lines.first)
    #expect(line.verdict == "refused")  // the row is for random-search; the label runs local-search
    let same = try await Self.reproduce(Self.suite(targets: [("tiny-rs", "random-search", "tiny-subset")]), rows: rows)
    #expect(same.lines[0].verdict == "no spread published")
    #expect(same.lines[0].reasons.contains("the published number is unverified"))
  }

  @Test func badPublishedNumbersAreRefusedWithLineAndColumn() {
    let cases: [(String, String)] = [
      ("id,source\n", "published.csv:1: the header must be"),
      (Self.header + "\n" + Self.row(spreadKind: "variance"), "published.csv:2: column 'spread_kind': 'variance'; expected one of std, stderr, none"),
      (Self.header + "\n" + Self.row(mean: "high"), "published.csv:2: column 'mean': 'high' is not a number"),
      (Self.header + "\n" + Self.row(spread: "0.3", spreadKind: "none"), "column 'spread': a spread with spread_kind none"),
      (Self.header + "\n" + Self.row() + "\n" + Self.row(), "published.csv:3: column 'id': the id 'tiny-rs' is used twice"),
      (Self.header + "\n" + Self.row(budget: ""), "column 'budget_value': empty"),
      (Self.header + "\n" + Self.row(status: "maybe"), "column 'status': 'maybe'; expected one of verified, secondary, unverified"),
      (Self.header + "\na,\"b", "published.csv:2: a quote is not closed"),
    ]
    for (text, expected) in cases {
      do {
        _ = try PublishedNumbers.parse(text, file: "published.csv")
        Issue.record("accepted: \(text.suffix(60))")
      } catch {
        #expect("\(error)".contains(expected), "\(error)")
      }
    }
  }

  @Test func theShippedPublishedNumbersParseAndSayWhatIsVerified() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("baselines/published.csv").path
    let rows = try PublishedNumbers.load(path: path)
    #expect(rows.count == 27)
    #expect(rows.filter { $0.status == .verified }.allSatisfy { $0.selection == .optimum })
    let paper = try #require(rows.first { $0.id == "nb201-paper-c10-random-search" })
    #expect(paper.mean == 93.70 && paper.standardDeviation == 0.36 && paper.budget == .seconds(12000) && paper.trials == 500)
    #expect(rows.filter { $0.data == .nb101Full }.count == 14)
  }

  @Test func targetsMustNameTheSuitesMethodsAndTasks() {
    for (targets, expected) in [
      ([("r", "bananas", "tiny")], "'bananas' is not a method label of this suite"),
      ([("r", "random-search", "nb201-cifar10")], "'nb201-cifar10' is not a task of this suite"),
    ] {
      #expect(throws: (any Error).self) { try Fixtures.suite(Self.suite(targets: targets)) }
      do { _ = try Fixtures.suite(Self.suite(targets: targets)) } catch { #expect("\(error)".contains(expected), "\(error)") }
    }
  }

  @Test func theReproductionBlockSurvivesTheResolvedSuite() throws {
    let suite = try Fixtures.suite(Self.suite(targets: [("tiny-rs", "ls", "tiny")], tolerance: 1.5))
    let reloaded = try Fixtures.loader.load(yaml: try suite.resolvedYAML(), file: "suite.yaml")
    #expect(reloaded.reproduction == suite.reproduction)
    #expect(reloaded.reproduction?.tolerance == 1.5)
  }
}

// MARK: - Rows on the full NAS-Bench-101 table

extension ReproductionTests {
  static func nasBench101Task(name: String, domain: Int, signal: String, report: String) -> TaskRecord {
    TaskRecord(
      name: name, benchmark: "nas-bench-101", dataset: "cifar10", signalColumn: signal, reportColumn: report, costColumn: nil,
      domainSize: domain, poolSize: 423_624, optimumSignal: 95, optimumReport: 94, topPermilleReport: 94, topPercentReport: 93, caveat: nil)
  }

  @Test func fullTableRowsAcceptTheWholeImportAndRefuseTheSubsetAndPartialImports() {
    let whole = Self.nasBench101Task(name: "nb101", domain: 423_624, signal: "mean_val_acc_108", report: "mean_test_acc_108")
    #expect(Reproduction.fullNASBench101Problem(whole) == nil)
    let subset = Self.nasBench101Task(name: "nb101-30k", domain: 30_001, signal: "val_acc_108", report: "val_acc_108")
    #expect(
      Reproduction.fullNASBench101Problem(subset)
        == "the row needs the full NAS-Bench-101 table (423,624 cells, 3-run means); task 'nb101-30k' has 30001 labelled cells")
    let partial = Self.nasBench101Task(name: "nb101", domain: 300, signal: "mean_val_acc_108", report: "mean_test_acc_108")
    #expect(Reproduction.fullNASBench101Problem(partial)?.contains("was built from a partial import with 300 cells") == true)
    let singleRunSignal = Self.nasBench101Task(name: "declared", domain: 423_624, signal: "val_acc_108", report: "mean_test_acc_108")
    #expect(Reproduction.fullNASBench101Problem(singleRunSignal) != nil)
  }
}
