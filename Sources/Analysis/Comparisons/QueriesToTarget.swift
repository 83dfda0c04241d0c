import Results

/// How many queries a method needs to reach a quality target, with censoring.
///
/// A trial reaches the target at the first query count whose incumbent report is at least the
/// target's threshold. A trial that never does is censored at its final query count (not
/// dropped): `fractionReached` counts it as not reached and the Kaplan-Meier estimate treats it
/// as "not reached by then". The primary convention is `report_of_best_signal` (what the method would
/// deploy); `oracle_max` is offered beside it for comparison with published plots.
public struct QueriesToTarget: Hashable, Sendable {
  /// A quality target of a task.
  public enum Target: String, Hashable, Sendable, CaseIterable {
    /// The best report metric of the domain.
    case optimum
    /// The report metric reached by the best 0.1 % of the domain.
    case topPermille = "top_0.1%"
    /// The report metric reached by the best 1 % of the domain.
    case topPercent = "top_1%"

    /// The threshold of this target on `task`.
    public func threshold(of task: TaskRecord) -> Double {
      switch self {
      case .optimum: task.optimumReport
      case .topPermille: task.topPermilleReport
      case .topPercent: task.topPercentReport
      }
    }
  }

  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// The target.
  public var target: Target
  /// Which incumbent is compared with the threshold.
  public var convention: CurveKind
  /// The report metric that counts as reached.
  public var threshold: Double
  /// Trials with at least one query.
  public var trials: Int
  /// Trials that reached the target.
  public var reached: Int
  /// Mean query count at which the reaching trials reached it (NaN when none did).
  public var meanReached: Double
  /// Kaplan-Meier estimate over all trials, censored ones included.
  public var kaplanMeier: KaplanMeier

  /// Counts, for one method's trials, when each reached `threshold` on `convention`.
  ///
  /// - Complexity: O(trials * queries).
  public init(
    task: String, method: String, target: Target, convention: CurveKind, threshold: Double,
    curves: [TrialCurve]
  ) {
    self.task = task
    self.method = method
    self.target = target
    self.convention = convention
    self.threshold = threshold
    var observations: [(time: Int, reached: Bool)] = []
    for curve in curves {
      let series = curve.series(convention)
      guard !series.isEmpty else { continue }
      if let index = series.firstIndex(where: { $0 >= threshold }) {
        observations.append((index + 1, true))
      } else {
        observations.append((series.count, false))
      }
    }
    trials = observations.count
    let times = observations.filter(\.reached).map(\.time)
    reached = times.count
    meanReached = times.isEmpty ? .nan : Double(times.reduce(0, +)) / Double(times.count)
    kaplanMeier = KaplanMeier(observations: observations)
  }

  /// Fraction of trials that reached the target (NaN without trials).
  public var fractionReached: Double { trials == 0 ? .nan : Double(reached) / Double(trials) }
}
