import Results

/// How one trial ended: its final incumbents and its closing record.
public struct TrialOutcome: Hashable, Sendable {
  /// The trial.
  public var cell: TrialCell
  /// Its closing record, or `nil` when the log has none (the trial is unfinished).
  public var record: TrialRecord?
  /// Counted queries found in the log.
  public var queries: Int
  /// `report_of_best_signal` after the last query (NaN without queries).
  public var finalBestSignal: Double
  /// `oracle_max` after the last query (NaN without queries).
  public var finalOracleMax: Double
  /// Simulated seconds spent (0 without queries).
  public var finalCumulativeCost: Double

  /// Combines a trial's curve (if it made queries) and its closing record (if it has one).
  public init(cell: TrialCell, curve: TrialCurve?, record: TrialRecord?) {
    self.cell = cell
    self.record = record
    queries = curve?.queries ?? 0
    finalBestSignal = curve?.bestSignal.last ?? .nan
    finalOracleMax = curve?.oracleMax.last ?? .nan
    finalCumulativeCost = curve?.cumulativeCost.last ?? 0
  }

  /// `completed`, `exhausted`, `failed`, or `unfinished` when there is no closing record.
  public var status: String { record?.status.rawValue ?? "unfinished" }
}
