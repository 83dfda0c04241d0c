import Analysis

extension CSVTable {
  /// `curves.csv`: `report_of_best_signal` and `oracle_max` statistics at every query count.
  static func curves(_ analysis: RunAnalysis) -> CSVTable {
    curveTable(name: "curves.csv", x: "query", points: analysis.tasks.flatMap(\.curves), integerX: true)
  }

  /// `curves_seconds.csv`: the same statistics on each task's seconds grid; `count` says how
  /// many trials had completed a query by then.
  static func secondsCurves(_ analysis: RunAnalysis) -> CSVTable {
    curveTable(name: "curves_seconds.csv", x: "seconds", points: analysis.tasks.flatMap(\.secondsCurves), integerX: false)
  }

  /// `recommendations.csv`: `oracle_max` counting recommendations, or `nil` when the run has none.
  static func recommendations(_ analysis: RunAnalysis) -> CSVTable? {
    let points = analysis.tasks.flatMap(\.recommendations)
    guard !points.isEmpty else { return nil }
    return curveTable(name: "recommendations.csv", x: "query", points: points, integerX: true)
  }

  private static let statistics = ["count", "mean", "std", "stderr", "median", "q25", "q75", "min", "max"]

  private static func curveTable(name: String, x: String, points: [CurvePoint], integerX: Bool) -> CSVTable {
    let header = ["task", "method", "curve", x] + statistics + statistics.dropFirst().map { "regret_" + $0 }
    var table = CSVTable(name: name, header: header)
    for point in points {
      let position = integerX ? String(point.query) : NumberFormat.csv(point.x)
      table.append(
        [point.task, point.method, point.curve.rawValue, position] + fields(point.value)
          + fields(point.regret).dropFirst())
    }
    return table
  }

  private static func fields(_ summary: Summary) -> [String] {
    [String(summary.count)]
      + [summary.mean, summary.std, summary.stderr, summary.median, summary.q25, summary.q75, summary.min, summary.max]
      .map(NumberFormat.csv)
  }
}
