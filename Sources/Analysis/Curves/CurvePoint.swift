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
  /// - Complexity: O(n log n) for n values (one sort).
  public init(task: String, method: String, curve: CurveKind, x: Double, values: [Double], optimum: Double) {
    self.task = task
    self.method = method
    self.curve = curve
    self.x = x
    let sorted = values.sorted()
    value = Summary(ascending: sorted)
    // `optimum - value` reverses the order of finite values exactly (subtraction rounds
    // monotonically, and equal regrets are equal bit for bit: none is -0 unless the optimum is
    // 0), so the values sorted once give the regrets sorted too.
    if optimum.isFinite && optimum != 0 && sorted.allSatisfy(\.isFinite) {
      regret = Summary(ascending: sorted.reversed().map { optimum - $0 })
    } else {
      regret = Summary(values.map { optimum - $0 })
    }
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
        let series = curves.map { $0.series(kind) }.filter { !$0.isEmpty }
        guard !series.isEmpty else { continue }
        for query in stride(from: 1, through: queryCount, by: 1) {
          // As `TrialCurve.value(_:atQuery:)`: the last value past the trial's end.
          let values = series.map { query <= $0.count ? $0[query - 1] : $0[$0.count - 1] }
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
      // Per grid time, per curve: the queries completed by then (one search for both kinds).
      let done = grid.map { seconds in curves.map { $0.queriesCompleted(atSeconds: seconds) } }
      for kind in CurveKind.incumbents {
        let series = curves.map { $0.series(kind) }
        for (index, seconds) in grid.enumerated() {
          var values: [Double] = []
          values.reserveCapacity(series.count)
          for (curve, count) in zip(series, done[index]) where count > 0 { values.append(curve[count - 1]) }
          points.append(CurvePoint(task: task, method: method, curve: kind, x: seconds, values: values, optimum: optimum))
        }
      }
    }
    return points
  }
}
