import Results

/// The incumbent series of one trial, one value per counted query.
///
/// Index `i` holds the value after query `i + 1`. Queries are taken in the order `RunRecords`
/// sorts them (by query number), one per position. A search signal or report that is NaN never
/// becomes the incumbent unless nothing else has been seen yet.
public struct TrialCurve: Hashable, Sendable {
  /// The trial.
  public var cell: TrialCell
  /// `report_of_best_signal` after each query.
  public var bestSignal: [Double]
  /// `oracle_max` after each query.
  public var oracleMax: [Double]
  /// `oracle_max` with the recommendations made so far, or `nil` when the trial made none.
  public var recommended: [Double]?
  /// Simulated seconds spent after each query (`QueryRecord.cumulativeCost`).
  public var cumulativeCost: [Double]

  /// Builds the series of one trial.
  ///
  /// - Parameters:
  ///   - cell: the trial.
  ///   - queries: its query records, in query order.
  ///   - recommendations: its recommendations, in any order.
  /// - Complexity: O(q + r log r) for q queries and r recommendations.
  public init(cell: TrialCell, queries: [QueryRecord], recommendations: [RecommendationRecord]) {
    self.init(
      cell: cell, signals: queries.map(\.signal), reports: queries.map(\.report),
      cumulativeCosts: queries.map(\.cumulativeCost), recommendations: recommendations)
  }

  /// Builds the series of one trial from rows of a query table.
  ///
  /// - Parameters:
  ///   - cell: the trial.
  ///   - rows: its rows in `table` (`QueryTable.rows(ofCell:)`), in query order.
  ///   - table: the run's queries.
  ///   - recommendations: its recommendations, in any order.
  /// - Complexity: O(q + r log r) for q queries and r recommendations.
  public init(cell: TrialCell, rows: Range<Int>, of table: QueryTable, recommendations: [RecommendationRecord]) {
    self.init(
      cell: cell, signals: table.signals[rows], reports: table.reports[rows], cumulativeCosts: table.cumulativeCosts[rows],
      recommendations: recommendations)
  }

  private init(
    cell: TrialCell, signals: some Collection<Double>, reports: some Collection<Double>,
    cumulativeCosts: some Collection<Double>, recommendations: [RecommendationRecord]
  ) {
    self.cell = cell
    var bestSignal: [Double] = []
    var oracleMax: [Double] = []
    bestSignal.reserveCapacity(signals.count)
    oracleMax.reserveCapacity(signals.count)
    var incumbentSignal = Double.nan
    var incumbentReport = Double.nan
    var bestReport = Double.nan
    for (signal, report) in zip(signals, reports) {
      if bestSignal.isEmpty || incumbentSignal.isNaN || signal > incumbentSignal {
        incumbentSignal = signal
        incumbentReport = report
      }
      if bestReport.isNaN || report > bestReport { bestReport = report }
      bestSignal.append(incumbentReport)
      oracleMax.append(bestReport)
    }
    self.bestSignal = bestSignal
    self.oracleMax = oracleMax
    cumulativeCost = Array(cumulativeCosts)
    recommended = TrialCurve.withRecommendations(oracleMax, recommendations)
  }

  /// `oracle_max` raised by every labelled recommendation given at or before each query count.
  private static func withRecommendations(
    _ oracleMax: [Double], _ recommendations: [RecommendationRecord]
  ) -> [Double]? {
    let labelled = recommendations.filter { !$0.report.isNaN }.sorted { $0.afterQuery < $1.afterQuery }
    guard !labelled.isEmpty else { return nil }
    var result: [Double] = []
    var next = 0
    var bestRecommended = -Double.infinity
    for (index, value) in oracleMax.enumerated() {
      while next < labelled.count && labelled[next].afterQuery <= index + 1 {
        bestRecommended = max(bestRecommended, labelled[next].report)
        next += 1
      }
      result.append(value.isNaN ? bestRecommended : max(value, bestRecommended))
    }
    return result
  }

  /// Number of counted queries of the trial.
  public var queries: Int { bestSignal.count }

  /// The series of one kind (empty for `recommended` when the trial made no recommendation).
  public func series(_ kind: CurveKind) -> [Double] {
    switch kind {
    case .bestSignal: bestSignal
    case .oracleMax: oracleMax
    case .recommended: recommended ?? []
    }
  }

  /// The value after `query` queries, carrying the last value forward past the trial's end.
  ///
  /// - Returns: `nil` when `query < 1` or the series is empty.
  public func value(_ kind: CurveKind, atQuery query: Int) -> Double? {
    let values = series(kind)
    guard query >= 1, let last = values.last else { return nil }
    return query <= values.count ? values[query - 1] : last
  }

  /// The value once `seconds` of simulated cost have been spent: the incumbent after the last
  /// query whose cumulative cost is at most `seconds`, carried forward past the trial's end.
  ///
  /// - Returns: `nil` before the first query completes.
  /// - Complexity: O(log q).
  public func value(_ kind: CurveKind, atSeconds seconds: Double) -> Double? {
    let values = series(kind)
    let count = queriesCompleted(atSeconds: seconds, within: values.count)
    return count == 0 ? nil : values[count - 1]
  }

  /// The number of leading queries (of the first `limit`, all by default) whose cumulative cost
  /// is at most `seconds`, found by binary search.
  ///
  /// - Complexity: O(log q).
  func queriesCompleted(atSeconds seconds: Double, within limit: Int? = nil) -> Int {
    var low = 0
    var high = min(limit ?? queries, cumulativeCost.count)
    while low < high {
      let middle = (low + high) / 2
      if cumulativeCost[middle] <= seconds { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
