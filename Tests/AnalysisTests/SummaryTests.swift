import Analysis
import Testing

@Suite struct SummaryTests {}

// MARK: - Descriptive statistics

extension SummaryTests {
  @Test func matchesNumpyOnEightValues() {
    // numpy: quantile([3,1,4,1,5,9,2,6], [.25,.5,.75]) = [1.75, 3.5, 5.25]; std(ddof=1) = 2.748376143938713
    let summary = Summary([3, 1, 4, 1, 5, 9, 2, 6])
    #expect(summary.count == 8)
    #expect(summary.mean == 31.0 / 8)
    #expect(abs(summary.std - 2.748376143938713) < 1e-12)
    #expect(abs(summary.stderr - 0.9716977043151993) < 1e-12)
    #expect(summary.q25 == 1.75)
    #expect(summary.median == 3.5)
    #expect(summary.q75 == 5.25)
    #expect(summary.min == 1)
    #expect(summary.max == 9)
  }

  @Test func singleValueHasNoSpread() {
    let summary = Summary([2.5])
    #expect(summary.mean == 2.5 && summary.median == 2.5 && summary.q25 == 2.5)
    #expect(summary.std.isNaN && summary.stderr.isNaN)
  }

  @Test func emptySetIsNaN() {
    let summary = Summary([Double]())
    #expect(summary.count == 0)
    #expect(summary.mean.isNaN && summary.median.isNaN && summary.max.isNaN)
  }

  @Test func bandFollowsTheSetting() {
    let summary = Summary([1, 3])
    #expect(summary.bandHalfWidth(stderrBand: true) == 1)
    #expect(abs(summary.bandHalfWidth(stderrBand: false) - 2.0.squareRoot()) < 1e-12)
  }
}

// MARK: - Ranks with ties

extension SummaryTests {
  @Test func tiedValuesShareTheirAverageRank() {
    #expect(AverageRanks.of([3, 1, 3]) == [2.5, 1, 2.5])
    #expect(AverageRanks.of([3, 1, 3], descending: true) == [1.5, 3, 1.5])
    #expect(AverageRanks.of([5, 5, 5, 1]) == [3, 3, 3, 1])
    #expect(AverageRanks.of([]) == [])
  }

  @Test func tieGroupsListOnlyRepeatedValues() {
    #expect(AverageRanks.tieGroupSizes([1, 2, 2, 3, 3, 3, 4]) == [2, 3])
    #expect(AverageRanks.tieGroupSizes([1, 2]) == [])
  }
}

// MARK: - Holm

extension SummaryTests {
  @Test func holmStepsDownAndStaysMonotone() {
    // sorted: .01*4 = .04, .03*3 = .09, .04*2 = .08 -> .09 (running max), .2*1 = .2
    let adjusted = HolmCorrection.adjusted([0.01, 0.04, 0.03, 0.2])
    let expected = [0.04, 0.09, 0.09, 0.2]
    for (value, reference) in zip(adjusted, expected) { #expect(abs(value - reference) < 1e-12) }
    #expect(HolmCorrection.adjusted([0.6, 0.7]) == [1, 1])
  }
}
