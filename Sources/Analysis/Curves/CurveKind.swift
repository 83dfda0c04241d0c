/// Which incumbent a curve follows.
///
/// The raw values are the names used in CSV files (`curve` column) and reports.
public enum CurveKind: String, Hashable, Sendable, CaseIterable {
  /// Report metric of the architecture with the best search signal so far (ties: the earliest
  /// query); what a practitioner would deploy. The primary curve.
  case bestSignal = "report_of_best_signal"
  /// Best report metric among the queries so far (the WeakNAS and BRP-NAS plots).
  case oracleMax = "oracle_max"
  /// `oracle_max` that also counts the method's recommendations made so far (the "oracle_max +
  /// top-1" convention of WeakNAS); only for methods that recommend.
  case recommended = "oracle_max_recommended"

  /// The two curves every trial has, in report order.
  public static let incumbents: [CurveKind] = [.bestSignal, .oracleMax]
}
