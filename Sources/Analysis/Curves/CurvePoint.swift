/// The across-trial statistics of one curve of one method at one point of a task.
public struct CurvePoint: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Which incumbent.
  public var curve: CurveKind
  /// The x coordinate: a query count (1-based) or, on the seconds grid, simulated seconds.
  public var x: Double
  /// Statistics of the incumbent's report metric over the trials with a value here.
  public var value: Summary
  /// Statistics of the regret (task optimum minus value) over the same trials.
  public var regret: Summary

  /// Creates a point from the trials' values at `x`.
  ///
  /// - Complexity: O(n log n) for n values.
  public init(task: String, method: String, curve: CurveKind, x: Double, values: [Double], optimum: Double) {
    self.task = task
    self.method = method
    self.curve = curve
    self.x = x
    value = Summary(values)
    regret = Summary(values.map { optimum - $0 })
  }

  /// The query count, for points on the query axis.
  public var query: Int { Int(x) }
}

extension CurvePoint {
  /// One point per query count `1...queryCount` for each curve of each method.
  ///
  /// A trial that ended before `queryCount` (e.g. `exhausted`) carries its last value forward.
  /// - Parameters:
  ///   - curvesByMethod: the trial curves of each method, in method order.
  ///   - kinds: the curves to aggregate; methods without any value for a kind are skipped.
  /// - Complexity: O(methods * kinds * queryCount * trials log trials).
  static func onQueries(
    task: String, optimum: Double, queryCount: Int, curvesByMethod: [(String, [TrialCurve])],
    kinds: [CurveKind]
  ) -> [CurvePoint] {
    var points: [CurvePoint] = []
    for (method, curves) in curvesByMethod {
      for kind in kinds {
        let series = curves.filter { !$0.series(kind).isEmpty }
        guard !series.isEmpty else { continue }
        for query in stride(from: 1, through: queryCount, by: 1) {
          let values = series.compactMap { $0.value(kind, atQuery: query) }
          points.append(
            CurvePoint(task: task, method: method, curve: kind, x: Double(query), values: values, optimum: optimum))
        }
      }
    }
    return points
  }

  /// One point per grid time for each incumbent curve of each method; at each time only the
  /// trials whose first query has completed contribute (`value.count` says how many).
  ///
  /// - Complexity: O(methods * grid * trials log q).
  static func onSeconds(
    task: String, optimum: Double, grid: [Double], curvesByMethod: [(String, [TrialCurve])]
  ) -> [CurvePoint] {
    var points: [CurvePoint] = []
    for (method, curves) in curvesByMethod {
      for kind in CurveKind.incumbents {
        for seconds in grid {
          let values = curves.compactMap { $0.value(kind, atSeconds: seconds) }
          points.append(CurvePoint(task: task, method: method, curve: kind, x: seconds, values: values, optimum: optimum))
        }
      }
    }
    return points
  }
}
