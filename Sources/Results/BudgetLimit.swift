/// What one trial may spend, as recorded in the manifest so log readers can check it.
///
/// Exactly one of the two is set: the suite's `budget: { queries: N }` or
/// `budget: { seconds: T }`.
public struct BudgetLimit: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Counted queries per trial, for a query budget.
  public var queries: Int?
  /// Simulated seconds per trial (the sum of the queries' `cost`), for a time budget.
  public var seconds: Double?

  /// A query budget of `count` queries per trial.
  public static func queries(_ count: Int) -> BudgetLimit { BudgetLimit(queries: count, seconds: nil) }
  /// A time budget of `seconds` simulated seconds per trial.
  public static func seconds(_ seconds: Double) -> BudgetLimit { BudgetLimit(queries: nil, seconds: seconds) }

  /// `200 queries` or `3600 simulated seconds`.
  public var description: String {
    if let queries { return "\(queries) queries" }
    if let seconds { return "\(seconds) simulated seconds" }
    return "no budget"
  }
}
