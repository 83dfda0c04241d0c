/// One evaluated architecture in one trial: a line of the query log.
///
/// The harness writes one per counted query, in query order, as the trial runs. Everything in
/// it is deterministic given (suite, task, trial index, code version) except `methodSeconds`,
/// the wall-clock time the method has spent so far, which `deterministic` leaves out.
public struct QueryRecord: Hashable, Sendable, Codable {
  /// Task name, e.g. `nb201-cifar10`.
  public var task: String
  /// Method label as given in the suite (the method name, or its `label:` when set).
  public var method: String
  /// Trial index, from 0.
  public var trial: Int
  /// 1-based number of this query among the trial's counted queries.
  public var query: Int
  /// Pool index of the evaluated architecture.
  public var poolIndex: Int
  /// Canonical key of the architecture (cell string, module hash, ...).
  public var key: String
  /// The search signal returned to the method.
  public var signal: Double
  /// The report metric (never shown to the method).
  public var report: Double
  /// Simulated cost of this evaluation in seconds (0 when the task has no cost column).
  public var cost: Double
  /// Sum of `cost` over this trial's queries so far, this one included.
  public var cumulativeCost: Double
  /// 0-based number of the ask/tell step that proposed this architecture.
  public var batch: Int
  /// Wall-clock seconds the method had spent in `ask` and `tell` when this batch was told.
  public var methodSeconds: Double
  /// Whether the architecture came from the harness's shared initial design.
  public var initial: Bool

  /// Creates a record.
  public init(
    task: String, method: String, trial: Int, query: Int, poolIndex: Int, key: String,
    signal: Double, report: Double, cost: Double, cumulativeCost: Double, batch: Int,
    methodSeconds: Double, initial: Bool
  ) {
    self.task = task
    self.method = method
    self.trial = trial
    self.query = query
    self.poolIndex = poolIndex
    self.key = key
    self.signal = signal
    self.report = report
    self.cost = cost
    self.cumulativeCost = cumulativeCost
    self.batch = batch
    self.methodSeconds = methodSeconds
    self.initial = initial
  }

  /// The same record with the wall-clock field zeroed: what two runs of one suite must share.
  public var deterministic: QueryRecord {
    var copy = self
    copy.methodSeconds = 0
    return copy
  }

  /// The (task, method, trial) cell this record belongs to.
  public var cell: TrialCell { TrialCell(task: task, method: method, trial: trial) }
}

/// The identity of one trial: a task, a method label and a trial index.
public struct TrialCell: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Trial index, from 0.
  public var trial: Int

  /// Creates a cell.
  public init(task: String, method: String, trial: Int) {
    self.task = task
    self.method = method
    self.trial = trial
  }

  /// Orders by task, then method, then trial.
  public static func < (a: TrialCell, b: TrialCell) -> Bool {
    (a.task, a.method, a.trial) < (b.task, b.method, b.trial)
  }

  /// `task/method/trial`.
  public var description: String { "\(task)/\(method)/\(trial)" }
}
