import Results
import Testing

@testable import Analysis

@Suite struct CrossTaskStatisticsTests {
  @Test(arguments: [(7.5, 3.0, 0.0575584519726364), (0.5, 1.0, 0.47950012218695337), (40.0, 10.0, 1.694474393006737e-05)])
  func chiSquareSurvivalMatchesSciPy(x: Double, degrees: Double, expected: Double) {
    // scipy.stats.chi2.sf(x, df)
    let p = ChiSquareDistribution.survival(x, degreesOfFreedom: degrees)
    #expect(abs(p - expected) < 1e-10 * max(1, 1 / expected) * expected + 1e-14)
  }

  @Test func chiSquareWithTwoDegreesIsExponential() {
    for x in [0.1, 1.0, 5.991, 20.0] {
      #expect(abs(ChiSquareDistribution.survival(x, degreesOfFreedom: 2) - exponential(-x / 2)) < 1e-13)
    }
  }

  /// Demšar (JMLR 2006), table 5a: q_0.05 / sqrt(2); scipy's studentized_range.ppf agrees.
  @Test(arguments: [(2, 1.960), (3, 2.343), (4, 2.569), (5, 2.728), (10, 3.164)])
  func nemenyiCriticalValuesMatchDemsar(groups: Int, expected: Double) {
    let value = StudentizedRange.criticalValue(groups: groups, alpha: 0.05) / 2.0.squareRoot()
    #expect(abs(value - expected) < 0.001, "k = \(groups): \(value)")
  }

  @Test func friedmanWithoutTiesIsTheTextbookStatistic() {
    // Four blocks that all rank the methods 1, 2, 3: 12/(4*3*4) * (4^2 + 8^2 + 12^2) - 3*4*4 = 8.
    let test = FriedmanTest(ranks: Array(repeating: [1, 2, 3], count: 4))
    #expect(abs(test.statistic - 8) < 1e-12)
    #expect(abs(test.pValue - exponential(-4)) < 1e-12)
  }

  @Test func friedmanWithTiesMatchesSciPy() {
    // scipy.stats.friedmanchisquare([1,2,3,4,5,6], [2,2,1,5,4,7], [3,1,3,3,6,6]).statistic
    let a: [Double] = [1, 2, 3, 4, 5, 6]
    let b: [Double] = [2, 2, 1, 5, 4, 7]
    let c: [Double] = [3, 1, 3, 3, 6, 6]
    let ranks = a.indices.map { AverageRanks.of([a[$0], b[$0], c[$0]]) }
    let test = FriedmanTest(ranks: ranks)
    #expect(abs(test.statistic - 0.09523809523808982) < 1e-9)
    #expect(abs(test.pValue - 0.9534969548334793) < 1e-9)
  }

  @Test func completeTiesGiveNoEvidence() {
    let test = FriedmanTest(ranks: Array(repeating: [1.5, 1.5], count: 5))
    #expect(test.statistic == 0 && test.pValue == 1)
  }

  @Test func cliquesAreMaximalRunsWithinTheCriticalDifference() {
    #expect(CrossTaskSummary.cliques(ranks: [1, 2, 3], criticalDifference: 1.05) == [[0, 1], [1, 2]])
    #expect(CrossTaskSummary.cliques(ranks: [3, 1, 2], criticalDifference: 2.5) == [[1, 2, 0]])
    #expect(CrossTaskSummary.cliques(ranks: [1, 2, 3], criticalDifference: 0.5).isEmpty)
    // A run inside an earlier one is not repeated.
    #expect(CrossTaskSummary.cliques(ranks: [1, 1.2, 1.4, 3], criticalDifference: 0.5) == [[0, 1, 2]])
  }
}

@Suite struct CrossTaskSummaryTests {
  /// Two tasks (optimum 10, top-1 % threshold 8), five trials each: a ends at 10, b at 9,
  /// c at 8 in every trial; d runs only on the first task.
  static func records() -> RunRecords {
    var queries: [QueryRecord] = []
    for task in ["t1", "t2"] {
      for trial in 0..<5 {
        queries += RunRecordsFixture.queries(task: task, method: "a", trial: trial, reports: [7, 10])
        queries += RunRecordsFixture.queries(task: task, method: "b", trial: trial, reports: [9, 8])
        queries += RunRecordsFixture.queries(task: task, method: "c", trial: trial, reports: [6, 8])
        if task == "t1" { queries += RunRecordsFixture.queries(task: task, method: "d", trial: trial, reports: [10, 10]) }
      }
    }
    return RunRecords(
      manifest: RunRecordsFixture.manifest(ReportSettings(checkpoints: [2], bootstrapSamples: 200)),
      tasks: [RunRecordsFixture.task("t1"), RunRecordsFixture.task("t2")], methods: ["a", "b", "c", "d"],
      queries: queries, recommendations: [], trials: [])
  }

  @Test func ranksRegretsAndTheCriticalDifference() throws {
    let summary = try #require(RunAnalysis(records: Self.records()).crossTask)
    #expect(summary.rows.map(\.method) == ["a", "b", "c"], "d is not on every task")
    #expect(summary.tasks.map(\.name) == ["t1", "t2"] && summary.tasks.map(\.checkpoint) == [2, 2])
    #expect(summary.blocks == 10)
    #expect(summary.rows.map(\.averageRank) == [1, 2, 3])
    #expect(summary.rows.map(\.normalisedRegret) == [0, 0.5, 1])
    // Every block agrees, so the bootstrap intervals collapse onto the values.
    #expect(summary.rows.allSatisfy { $0.rankLower == $0.averageRank && $0.rankUpper == $0.averageRank })
    // 12/(10*3*4) * (10^2 + 20^2 + 30^2) - 3*10*4 = 20, p = exp(-10).
    #expect(abs(summary.friedman.statistic - 20) < 1e-9)
    #expect(abs(summary.friedman.pValue - exponential(-10)) < 1e-12)
    // CD = 2.3437 * sqrt(3*4 / (6*10)) = 1.0481: a-b and b-c are within it, a-c is not.
    #expect(abs(summary.criticalDifference - 2.343700586378409 * (12.0 / 60).squareRoot()) < 1e-4)
    #expect(summary.cliques == [[0, 1], [1, 2]])
  }

  @Test func intervalsWidenWhenBlocksDisagree() throws {
    var records = Self.records()
    // In trial 0 of t1, c ends at the optimum: now the blocks disagree.
    records.queries = QueryTable(
      records.queries.map { query in
        var query = query
        if query.task == "t1" && query.method == "c" && query.trial == 0 && query.query == 2 { query.report = 10.5 }
        return query
      })
    let summary = try #require(RunAnalysis(records: records).crossTask)
    let c = try #require(summary.rows.last)
    #expect(c.averageRank < 3 && c.rankLower < c.rankUpper)
    #expect(c.rankLower <= c.averageRank && c.averageRank <= c.rankUpper)
  }

  @Test func noSummaryWithOneSharedMethod() {
    var records = Self.records()
    records.queries = QueryTable(records.queries.filter { $0.method == "a" || ($0.method == "d" && $0.task == "t1") })
    #expect(RunAnalysis(records: records).crossTask == nil)
  }
}
