/// Descriptive statistics of one set of values: what a curve point or a table cell reports.
///
/// Conventions: `std` is the sample standard deviation (divisor n - 1) and `stderr` is
/// `std / sqrt(n)`; both are NaN for fewer than two values. Quantiles interpolate linearly
/// between order statistics (Hyndman and Fan type 7, the default of numpy and pandas), so
/// `median`, `q25` and `q75` match `pandas.Series.quantile`. An empty set has `count` 0 and
/// NaN everywhere else.
public struct Summary: Hashable, Sendable {
  /// Number of values summarized.
  public var count: Int
  /// Arithmetic mean.
  public var mean: Double
  /// Sample standard deviation.
  public var std: Double
  /// Standard error of the mean.
  public var stderr: Double
  /// Median.
  public var median: Double
  /// First quartile.
  public var q25: Double
  /// Third quartile.
  public var q75: Double
  /// Smallest value.
  public var min: Double
  /// Largest value.
  public var max: Double

  /// Summarizes `values` (NaN values are not expected; callers pass only observed values).
  ///
  /// - Complexity: O(n log n) for the sort behind the quantiles.
  public init<Values: Collection<Double>>(_ values: Values) {
    self.init(ascending: values.sorted())
  }

  /// Summarizes values already in ascending order (as `sorted()` leaves them), without sorting
  /// them again.
  ///
  /// - Complexity: O(n).
  init(ascending sorted: [Double]) {
    count = sorted.count
    guard let first = sorted.first, let last = sorted.last else {
      mean = .nan
      std = .nan
      stderr = .nan
      median = .nan
      q25 = .nan
      q75 = .nan
      min = .nan
      max = .nan
      return
    }
    let n = Double(sorted.count)
    let mean = sorted.reduce(0, +) / n
    self.mean = mean
    if sorted.count > 1 {
      let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      std = (squares / (n - 1)).squareRoot()
      stderr = std / n.squareRoot()
    } else {
      std = .nan
      stderr = .nan
    }
    median = Summary.quantile(sorted: sorted, 0.5)
    q25 = Summary.quantile(sorted: sorted, 0.25)
    q75 = Summary.quantile(sorted: sorted, 0.75)
    min = first
    max = last
  }

  /// The `probability` quantile of ascending `sorted` values, interpolating linearly (type 7).
  ///
  /// - Parameters:
  ///   - sorted: values in ascending order, not empty.
  ///   - probability: in [0, 1].
  /// - Returns: the quantile, or NaN for an empty array.
  /// - Complexity: O(1).
  public static func quantile(sorted: [Double], _ probability: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let position = probability * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
  }

  /// Half-width of the band drawn around the mean: the standard error or the deviation.
  public func bandHalfWidth(stderrBand: Bool) -> Double { stderrBand ? stderr : std }
}
