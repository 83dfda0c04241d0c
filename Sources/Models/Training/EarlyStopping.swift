/// When a training run stops before its last epoch: a monitored value (the epoch's mean
/// training loss, or a validation loss the epoch callback supplies; lower is better) that has
/// stopped improving.
///
/// The two rules are the two conventions the predictors' sources use; they differ in what
/// "best" means and in the off-by-one of the count, and both are kept exactly so that each
/// model trains as its source does:
/// - `consecutiveStale` is scikit-learn's `n_iter_no_change` / `tol` rule (WeakNAS's
///   `MLPRegressor`): an epoch is stale when its value exceeds `best - tolerance`, `best` is the
///   lowest value seen so far, and training stops once more than `patience` epochs in a row
///   were stale.
/// - `sinceLastImprovement` is the Keras `EarlyStopping(min_delta:, patience:,
///   start_from_epoch:)` convention (BRP-NAS): `best` moves only when a value is below
///   `best - tolerance`, and training stops once `patience` epochs have passed since that
///   epoch.
///
/// Neither rule stops before `startEpoch` (1-based); values are still tracked before it.
public struct EarlyStopping: Sendable, Hashable {
  /// How staleness is counted.
  public enum Rule: Sendable, Hashable {
    /// scikit-learn's rule: more than `patience` stale epochs in a row, `best` the running minimum.
    case consecutiveStale
    /// Keras's rule: `patience` epochs since the last improvement by more than `tolerance`.
    case sinceLastImprovement
  }

  /// How staleness is counted.
  public var rule: Rule
  /// Epochs without improvement tolerated (see `rule` for the exact count); at least 0.
  public var patience: Int
  /// The decrease that counts as an improvement, in units of the monitored value; at least 0.
  public var tolerance: Float
  /// The first epoch (1-based) at which training may stop.
  public var startEpoch: Int

  /// A stopping rule.
  public init(rule: Rule, patience: Int, tolerance: Float, startEpoch: Int = 1) {
    precondition(patience >= 0, "EarlyStopping: patience must be at least 0, got \(patience)")
    precondition(tolerance >= 0, "EarlyStopping: tolerance must be at least 0, got \(tolerance)")
    self.rule = rule
    self.patience = patience
    self.tolerance = tolerance
    self.startEpoch = startEpoch
  }

  /// scikit-learn's rule (`n_iter_no_change`, `tol`), as WeakNAS's predictor uses it.
  public static func scikitLearn(patience: Int, tolerance: Float) -> EarlyStopping {
    EarlyStopping(rule: .consecutiveStale, patience: patience, tolerance: tolerance)
  }
}

// MARK: - The running decision

extension EarlyStopping {
  /// The rule's memory across epochs.
  struct Tracker {
    let stopping: EarlyStopping
    /// The reference value improvements are measured against.
    private(set) var best = Float.infinity
    /// `consecutiveStale`: stale epochs in a row.
    private var stale = 0
    /// `sinceLastImprovement`: the last epoch that improved (0 before any).
    private var improvedEpoch = 0

    init(_ stopping: EarlyStopping) {
      self.stopping = stopping
    }

    /// Records `value` of `epoch` (1-based, called once per epoch in order) and returns whether
    /// training should stop after it.
    mutating func shouldStop(after epoch: Int, value: Float) -> Bool {
      switch stopping.rule {
      case .consecutiveStale:
        stale = value > best - stopping.tolerance ? stale + 1 : 0
        best = min(best, value)
        return epoch >= stopping.startEpoch && stale > stopping.patience
      case .sinceLastImprovement:
        if value < best - stopping.tolerance {
          best = value
          improvedEpoch = epoch
        }
        return epoch >= stopping.startEpoch && epoch - improvedEpoch >= stopping.patience
      }
    }
  }
}
