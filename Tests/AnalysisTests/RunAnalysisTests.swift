import Analysis
import Results
import Testing

@Suite struct RunAnalysisTests {
  let analysis = RunAnalysis(records: RunRecordsFixture.twoMethods())

  var toy: TaskAnalysis? { analysis.tasks.first }

  func curvePoint(_ curve: CurveKind, _ method: String, _ query: Int) -> CurvePoint? {
    toy?.curves.first { $0.curve == curve && $0.method == method && $0.query == query }
  }
}

// MARK: - Shape

extension RunAnalysisTests {
  @Test func tasksMethodsAndCheckpoints() throws {
    let toy = try #require(toy)
    #expect(analysis.tasks.count == 1)
    #expect(analysis.tasksWithoutRecord == ["ghost"])
    #expect(toy.methods == ["a", "b"])
    #expect(toy.queryCount == 4)
    #expect(toy.checkpoints == [2, 4])
    #expect(toy.curves.count == 2 * 2 * 4)
  }

  @Test func trialOutcomesKeepStatusAndFinals() throws {
    let toy = try #require(toy)
    #expect(toy.trials.map(\.status) == ["completed", "exhausted", "unfinished", "completed", "completed", "failed", "failed"])
    #expect(toy.trials.map(\.queries) == [4, 3, 4, 4, 4, 4, 0])
    #expect(toy.trials[1].finalBestSignal == 9 && toy.trials[1].finalOracleMax == 10)
    #expect(toy.trials[6].finalBestSignal.isNaN)
  }
}

// MARK: - Curves

extension RunAnalysisTests {
  @Test func bestSignalKeepsTheEarliestOfTiedSignals() throws {
    // a at query 4: a/0 keeps report 7 (signal 3 tied at query 4), a/1 carries 9 forward, a/2 has 7.
    let value = try #require(curvePoint(.bestSignal, "a", 4)).value
    #expect(value.count == 3)
    #expect(value.mean == 23.0 / 3)
    #expect(value.median == 7)
    #expect(value.min == 7 && value.max == 9)
  }

  @Test func oracleMaxAndRegret() throws {
    let point = try #require(curvePoint(.oracleMax, "a", 2))
    let mean: Double = 22.0 / 3
    #expect(point.value.mean == mean)
    #expect(abs(point.regret.mean - (10 - mean)) < 1e-12)
    #expect(point.regret.max == 5 && point.regret.min == 0)
  }

  @Test func recommendationsRaiseOracleMaxFromTheirQuery() throws {
    let toy = try #require(toy)
    let curve = toy.recommendations.filter { $0.method == "a" }.map(\.value.mean)
    #expect(curve == [5, 9.5, 9.5, 9.5])
    #expect(toy.recommendations.allSatisfy { $0.method == "a" && $0.value.count == 1 })
  }

  @Test func secondsGridIsLogSpacedAndCountsStartedTrials() throws {
    let toy = try #require(toy)
    let grid = toy.secondsGrid
    #expect(grid.count == 4 && grid.first == 1 && grid.last == 8)
    for (value, expected) in zip(grid, [1.0, 2, 4, 8]) { #expect(abs(value - expected) < 1e-9) }
    let atStart = toy.secondsCurves.filter { $0.x == 1 && $0.curve == .bestSignal }
    #expect(atStart.map(\.value.count) == [3, 0])
    let atEnd = try #require(toy.secondsCurves.first { $0.x == 8 && $0.method == "a" && $0.curve == .bestSignal })
    #expect(atEnd.value.mean == 23.0 / 3 && atEnd.value.count == 3)
  }
}

// MARK: - Queries to target

extension RunAnalysisTests {
  func entry(_ method: String, _ target: QueriesToTarget.Target, _ convention: CurveKind) -> QueriesToTarget? {
    toy?.queriesToTarget.first { $0.method == method && $0.target == target && $0.convention == convention }
  }

  @Test func censoredTrialsCountAsNotReached() throws {
    let bestSignal = try #require(entry("a", .optimum, .bestSignal))
    #expect(bestSignal.trials == 3 && bestSignal.reached == 0 && bestSignal.kaplanMeier.median.isNaN)
    let oracle = try #require(entry("a", .optimum, .oracleMax))
    #expect(oracle.reached == 1 && oracle.meanReached == 2)
    #expect(oracle.kaplanMeier.quantile(0.25) == 2 && oracle.kaplanMeier.median.isNaN)
  }

  @Test func kaplanMeierMedianOfTopPercent() throws {
    let top = try #require(entry("b", .topPercent, .bestSignal))
    #expect(top.threshold == 8)
    #expect(top.reached == 2 && top.fractionReached == 2.0 / 3 && top.meanReached == 1.5)
    #expect(top.kaplanMeier.median == 2)
    let a = try #require(entry("a", .topPercent, .bestSignal))
    #expect(a.reached == 1 && a.meanReached == 3)
  }
}

// MARK: - Comparisons

extension RunAnalysisTests {
  @Test func wilcoxonAtEachCheckpoint() throws {
    let toy = try #require(toy)
    #expect(toy.comparisons.map(\.checkpoint) == [2, 4])
    // Query 2: a - b = 7-4, 6-8, 5-9 = 3, -2, -4: W+ = 2, W- = 4, exact p = 6/8.
    let early = toy.comparisons[0]
    #expect(early.first == "a" && early.second == "b" && early.pairs == 3)
    #expect(early.test.wPlus == 2 && early.test.wMinus == 4)
    #expect(abs(early.test.pValue - 0.75) < 1e-12 && early.holmPValue == early.test.pValue)
    #expect(early.better == "b")
    #expect(abs(early.meanDifference - (-1.0)) < 1e-12)
    // Query 4: 1, 1, -3: W+ = W- = 3, a tie.
    let late = toy.comparisons[1]
    #expect(late.better == nil && late.test.pValue == 1)
    #expect(abs(late.meanDifference - (-1.0 / 3)) < 1e-12)
  }

  @Test func averageRanksOverSharedTrials() throws {
    let toy = try #require(toy)
    let a = toy.ranks.filter { $0.method == "a" }
    let b = toy.ranks.filter { $0.method == "b" }
    #expect(a.count == 4 && a.allSatisfy { $0.trials == 3 })
    #expect(abs(a[0].meanRank - 4.0 / 3) < 1e-12)
    #expect(abs(a[3].meanRank - 4.0 / 3) < 1e-12)
    for (x, y) in zip(a, b) { #expect(abs(x.meanRank + y.meanRank - 3) < 1e-12) }
  }

  @Test func bootstrapIsSeededAndBracketsTheMean() throws {
    let toy = try #require(toy)
    let again = RunAnalysis(records: RunRecordsFixture.twoMethods())
    #expect(again.tasks.first?.bootstrap == toy.bootstrap)
    let b4 = try #require(toy.bootstrap.first { $0.method == "b" && $0.checkpoint == 4 })
    #expect(b4.trials == 3 && b4.interval.mean == 8)
    #expect(b4.interval.lower >= 6 && b4.interval.lower < 8 && b4.interval.upper > 8 && b4.interval.upper <= 10)
    let reseeded = RunAnalysis(
      records: RunRecordsFixture.twoMethods(
        settings: ReportSettings(checkpoints: [2, 4], secondsGridPoints: 4, bootstrapSamples: 500, bootstrapSeed: 8)))
    #expect(reseeded.tasks.first?.bootstrap != toy.bootstrap)
  }

  @Test func proposalStatisticsFromClosingRecords() throws {
    let toy = try #require(toy)
    let a = toy.proposals[0]
    #expect(a.trials == 2 && a.unfinished == 1 && a.exhausted == 1)
    #expect(abs(a.meanValidRate - 0.9) < 1e-12 && a.meanRefused == 0.5 && a.meanMethodSeconds == 0.5)
    let b = toy.proposals[1]
    #expect(b.failures.map(\.trial) == [2, 3])
    #expect(b.failures.map(\.message) == ["boom", "crash at start"])
  }
}
