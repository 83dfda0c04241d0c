import Results

/// What a method's proposals were like on one task, from its trials' closing records.
///
/// Means are over the trials with a closing record; unfinished trials have none and are
/// counted only in `unfinished`.
public struct ProposalStatistics: Hashable, Sendable {
  /// A failed trial and why it failed.
  public struct Failure: Hashable, Sendable {
    /// Trial index.
    public var trial: Int
    /// The error message recorded for it.
    public var message: String
  }

  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Trials with a closing record.
  public var trials: Int
  /// Trials with queries but no closing record.
  public var unfinished: Int
  /// Trials that ended `exhausted`.
  public var exhausted: Int
  /// Mean fraction of proposals that were valid, in-domain architectures.
  public var meanValidRate: Double
  /// Mean refused proposals per trial.
  public var meanRefused: Double
  /// Mean proposals per trial refused as invalid.
  public var meanRefusedInvalid: Double
  /// Mean proposals per trial refused as valid but not in the pool.
  public var meanRefusedNotInPool: Double
  /// Mean proposals per trial refused as in the pool but outside the domain.
  public var meanRefusedOutsideDomain: Double
  /// Mean proposals per trial of architectures already queried.
  public var meanRepeats: Double
  /// Mean proposals per trial repeated within one batch.
  public var meanRepeatsInBatch: Double
  /// Mean wall-clock seconds the method spent per trial.
  public var meanMethodSeconds: Double
  /// Failed trials, by trial index.
  public var failures: [Failure]

  /// Summarizes one method's trials on one task.
  ///
  /// - Complexity: O(trials).
  public init(task: String, method: String, outcomes: [TrialOutcome]) {
    self.task = task
    self.method = method
    let records = outcomes.compactMap(\.record)
    trials = records.count
    unfinished = outcomes.count - records.count
    exhausted = records.filter { $0.status == .exhausted }.count
    func mean(_ value: (TrialRecord) -> Double) -> Double {
      records.isEmpty ? .nan : records.reduce(0) { $0 + value($1) } / Double(records.count)
    }
    meanValidRate = mean(\.validRate)
    meanRefused = mean { Double($0.refused) }
    meanRefusedInvalid = mean { Double($0.refusedInvalid) }
    meanRefusedNotInPool = mean { Double($0.refusedNotInPool) }
    meanRefusedOutsideDomain = mean { Double($0.refusedOutsideDomain) }
    meanRepeats = mean { Double($0.repeats) }
    meanRepeatsInBatch = mean { Double($0.repeatsInBatch) }
    meanMethodSeconds = mean(\.methodSeconds)
    failures = records.filter { $0.status == .failed }.map {
      Failure(trial: $0.trial, message: $0.message ?? "")
    }
  }
}
