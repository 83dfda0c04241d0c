/// The Kaplan-Meier estimate of "not yet reached" over query counts, with censoring.
///
/// Source: E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete
/// observations", JASA 1958 (<https://doi.org/10.2307/2281868>).
///
/// Each trial contributes one time: the query count at which it reached the target (an event),
/// or its final query count when it never did (censored). At a time with both events and
/// censorings, the censored trials count as still at risk (the usual convention). Quantiles
/// follow lifelines: the `p`-quantile of the time to reach is the smallest time at which the
/// estimated fraction not yet reached is <= 1 - p; it is NaN when the curve never gets there
/// (too many trials censored first).
public struct KaplanMeier: Hashable, Sendable {
  /// A step of the estimate: the fraction not yet reached just after `time`.
  public struct Step: Hashable, Sendable {
    /// Query count with at least one event.
    public var time: Int
    /// Estimated fraction of trials that have not reached the target by `time`.
    public var survival: Double
  }

  /// The steps, by increasing time.
  public var steps: [Step]

  /// Estimates from `(time, reached)` observations.
  ///
  /// - Complexity: O(n log n).
  public init(observations: [(time: Int, reached: Bool)]) {
    let sorted = observations.sorted { $0.time < $1.time }
    var atRisk = sorted.count
    var survival = 1.0
    var steps: [Step] = []
    var index = 0
    while index < sorted.count {
      let time = sorted[index].time
      var events = 0
      var leaving = 0
      while index < sorted.count && sorted[index].time == time {
        if sorted[index].reached { events += 1 }
        leaving += 1
        index += 1
      }
      if events > 0 {
        survival *= 1 - Double(events) / Double(atRisk)
        steps.append(Step(time: time, survival: survival))
      }
      atRisk -= leaving
    }
    self.steps = steps
  }

  /// The estimated `probability` quantile of the time to reach, or NaN when undefined.
  ///
  /// - Parameter probability: in (0, 1); 0.5 gives the median.
  /// - Complexity: O(steps).
  public func quantile(_ probability: Double) -> Double {
    let threshold = 1 - probability
    // A tiny tolerance keeps 1 - 1/2 from missing 0.5 through rounding.
    guard let step = steps.first(where: { $0.survival <= threshold + 1e-12 }) else { return .nan }
    return Double(step.time)
  }

  /// The estimated median time to reach, or NaN when undefined.
  public var median: Double { quantile(0.5) }
}
