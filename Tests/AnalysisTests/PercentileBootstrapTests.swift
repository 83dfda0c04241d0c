import Analysis
import Randomness
import Testing

@Suite struct PercentileBootstrapTests {}

// MARK: - Intervals

extension PercentileBootstrapTests {
  @Test func constantValuesGiveAPointInterval() {
    var rng = SeededGenerator(seed: 1)
    let interval = PercentileBootstrap(values: [4, 4, 4], samples: 100, confidence: 0.9, using: &rng)
    #expect(interval.mean == 4 && interval.lower == 4 && interval.upper == 4)
  }

  @Test func twoValuesCoverTheirRange() {
    // Resampled means of {0, 1} with n = 2 are 0, 0.5 or 1; a 99 % interval reaches both ends.
    var rng = SeededGenerator(seed: 3)
    let interval = PercentileBootstrap(values: [0, 1], samples: 2000, confidence: 0.99, using: &rng)
    #expect(interval.lower == 0 && interval.upper == 1 && interval.mean == 0.5)
  }

  @Test func widerConfidenceGivesAWiderInterval() {
    let values = (0..<30).map { Double($0 * $0 % 17) }
    var first = SeededGenerator(seed: 5)
    var second = SeededGenerator(seed: 5)
    let narrow = PercentileBootstrap(values: values, samples: 1000, confidence: 0.5, using: &first)
    let wide = PercentileBootstrap(values: values, samples: 1000, confidence: 0.99, using: &second)
    #expect(wide.lower < narrow.lower && wide.upper > narrow.upper)
  }

  @Test func emptyValuesHaveNoInterval() {
    var rng = SeededGenerator(seed: 1)
    let interval = PercentileBootstrap(values: [], samples: 10, confidence: 0.9, using: &rng)
    #expect(interval.mean.isNaN && interval.lower.isNaN)
  }
}
