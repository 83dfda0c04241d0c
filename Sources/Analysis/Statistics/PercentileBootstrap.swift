import Randomness

/// Percentile bootstrap confidence interval of a mean.
///
/// Source: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman & Hall
/// 1993, chapter 13. Each resample draws `values.count` values with replacement (indices from
/// `nextInt(below:)` of a `SeededGenerator`, so the result is the same on every platform and
/// Swift release); the bounds are type-7 quantiles of the resampled means at
/// `(1 - confidence) / 2` and `(1 + confidence) / 2`.
public struct PercentileBootstrap: Hashable, Sendable {
  /// Mean of the original values.
  public var mean: Double
  /// Lower bound of the interval.
  public var lower: Double
  /// Upper bound of the interval.
  public var upper: Double

  /// Resamples `values` `samples` times.
  ///
  /// - Parameters:
  ///   - values: the observed values; an empty array gives NaN bounds.
  ///   - samples: number of resamples, positive.
  ///   - confidence: coverage in (0, 1).
  ///   - rng: the generator to draw from.
  /// - Complexity: O(samples * n + samples log samples).
  public init(
    values: [Double], samples: Int, confidence: Double, using rng: inout SeededGenerator
  ) {
    guard !values.isEmpty, samples > 0 else {
      mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
      lower = .nan
      upper = .nan
      return
    }
    let n = values.count
    mean = values.reduce(0, +) / Double(n)
    var means: [Double] = []
    means.reserveCapacity(samples)
    for _ in 0..<samples {
      var sum = 0.0
      for _ in 0..<n { sum += values[rng.nextInt(below: n)] }
      means.append(sum / Double(n))
    }
    means.sort()
    let tail = (1 - confidence) / 2
    lower = Summary.quantile(sorted: means, tail)
    upper = Summary.quantile(sorted: means, 1 - tail)
  }
}
