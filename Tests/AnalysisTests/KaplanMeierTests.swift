import Analysis
import Testing

@Suite struct KaplanMeierTests {}

// MARK: - Estimates

extension KaplanMeierTests {
  @Test func handExampleWithCensoring() {
    // Reached at 3, 5, 8, 12; censored at 5 and 10. At risk: 6, 5, 3, 1.
    // S(3) = 5/6, S(5) = 5/6 * 4/5 = 2/3, S(8) = 2/3 * 2/3 = 4/9, S(12) = 0.
    let estimate = KaplanMeier(observations: [
      (3, true), (5, false), (5, true), (8, true), (10, false), (12, true),
    ])
    #expect(estimate.steps.map(\.time) == [3, 5, 8, 12])
    let expected = [5.0 / 6, 2.0 / 3, 4.0 / 9, 0]
    for (step, value) in zip(estimate.steps, expected) { #expect(abs(step.survival - value) < 1e-12) }
    #expect(estimate.median == 8)
    #expect(estimate.quantile(0.25) == 5)
    #expect(estimate.quantile(0.75) == 12)
  }

  @Test func medianUndefinedWhenMostAreCensored() {
    let estimate = KaplanMeier(observations: [(4, true), (10, false), (10, false)])
    #expect(abs((estimate.steps.first?.survival ?? 0) - 2.0 / 3) < 1e-12)
    #expect(estimate.median.isNaN)
    #expect(estimate.quantile(0.25) == 4)
  }

  @Test func exactlyHalfReachedGivesThatTime() {
    let estimate = KaplanMeier(observations: [(2, true), (6, true), (9, false), (9, false)])
    #expect(estimate.median == 6)
  }

  @Test func withoutCensoringTheMedianIsTheEmpiricalOne() {
    let estimate = KaplanMeier(observations: [(7, true), (1, true), (3, true), (9, true), (5, true)])
    #expect(estimate.median == 5)
  }
}
