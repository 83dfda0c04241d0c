import Benchmarks
import SearchMethods
import SearchSpaces

/// The only holder of labels in a trial: evaluates proposals against the budget.
///
/// It resolves each proposal to a pool index, refusing it for one of three reasons the
/// `SearchSpace.status(of:)` and the domain tell apart: `invalid` (not an architecture of the
/// space, or a pool index out of range), `notInPool` (a valid architecture the pool lacks) and
/// `outsideDomain` (in the pool, without a label: NAS-Bench-101 outside its 30k labelled
/// cells). It answers repeats from memory (free or counted, per the suite), evaluates new
/// architectures until the budget is reached, and hands back observations that carry the search
/// signal only. Within one batch, proposals are handled in order; once the budget is reached the
/// rest of the batch is `notEvaluated` (a batch that would overshoot is truncated).
///
/// Public so that test drivers (`TestSupport`) run methods through this oracle, not a copy.
public struct Oracle {
  /// One counted query, with what the log needs and the method never sees.
  public struct Evaluation: Sendable {
    /// The pool index evaluated.
    public let poolIndex: Int
    /// Its search signal.
    public let signal: Double
    /// Its report metric.
    public let report: Double
    /// The simulated seconds charged for it (0 for a counted repeat).
    public let cost: Double
    /// The simulated seconds charged so far in the trial.
    public let cumulativeCost: Double
    /// Whether it came from the shared initial design.
    public let isInitial: Bool
  }

  /// The task whose labels answer the queries.
  public let task: BenchmarkTask
  /// When the trial ends.
  public let budget: Budget
  /// Whether repeats count as queries.
  public let duplicates: DuplicatePolicy
  private(set) var signals: [Int: Double] = [:]
  /// Counted queries so far.
  public private(set) var queries = 0
  /// Simulated seconds charged so far.
  public private(set) var cumulativeCost = 0.0
  /// Whether the budget is used up.
  public private(set) var budgetReached = false
  /// Proposals handled so far.
  public private(set) var proposals = 0
  /// Proposals refused as invalid.
  public private(set) var refusedInvalid = 0
  /// Proposals refused as valid architectures the pool lacks.
  public private(set) var refusedNotInPool = 0
  /// Proposals refused as pool architectures outside the domain.
  public private(set) var refusedOutsideDomain = 0
  /// Proposals of architectures already queried in the trial.
  public private(set) var repeats = 0
  /// Repeats within one batch.
  public private(set) var repeatsInBatch = 0

  /// Proposals refused for any reason.
  public var refused: Int { refusedInvalid + refusedNotInPool + refusedOutsideDomain }

  /// An oracle over `task`'s labels with a fresh trial's state.
  public init(task: BenchmarkTask, budget: Budget, duplicates: DuplicatePolicy) {
    self.task = task
    self.budget = budget
    self.duplicates = duplicates
  }

  /// How many more architectures a method may usefully propose now.
  public var remaining: Int {
    let unqueried = task.domain.count - signals.count
    switch budget {
    case .queries(let limit): return max(0, min(limit - queries, duplicates == .counted ? limit - queries : unqueried))
    case .seconds: return max(0, unqueried)
    }
  }

  /// Evaluates a batch; returns one observation per proposal and the counted queries.
  public mutating func evaluate(_ batch: [Proposal]) -> (observations: [Observation], evaluations: [Evaluation]) {
    var observations: [Observation] = []
    var evaluations: [Evaluation] = []
    var seenInBatch = Set<Int>()
    for proposal in batch {
      proposals += 1
      let index: Int
      switch resolve(proposal) {
      case .refused(let refusal):
        switch refusal {
        case .invalid: refusedInvalid += 1
        case .notInPool: refusedNotInPool += 1
        case .outsideDomain: refusedOutsideDomain += 1
        }
        observations.append(Observation(proposal: proposal, poolIndex: nil, outcome: .refused(refusal)))
        continue
      case .poolIndex(let resolved):
        index = resolved
      }
      if budgetReached {
        observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .notEvaluated))
        continue
      }
      let inBatch = !seenInBatch.insert(index).inserted
      if let known = signals[index] {
        repeats += 1
        if inBatch { repeatsInBatch += 1 }
        if duplicates == .counted {
          queries += 1
          evaluations.append(
            Evaluation(
              poolIndex: index, signal: known, report: task.report[index], cost: 0,
              cumulativeCost: cumulativeCost, isInitial: proposal.isInitial))
          updateBudget()
        }
        observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .repeated(signal: known)))
        continue
      }
      let cost = task.cost?[index] ?? 0
      if case .seconds(let limit) = budget, cumulativeCost + cost > limit {
        budgetReached = true
        observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .notEvaluated))
        continue
      }
      let signal = task.signal[index]
      signals[index] = signal
      queries += 1
      cumulativeCost += cost
      evaluations.append(
        Evaluation(
          poolIndex: index, signal: signal, report: task.report[index], cost: cost,
          cumulativeCost: cumulativeCost, isInitial: proposal.isInitial))
      observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .evaluated(signal: signal, costSeconds: cost)))
      updateBudget()
    }
    return (observations, evaluations)
  }

  private mutating func updateBudget() {
    if case .queries(let limit) = budget, queries >= limit { budgetReached = true }
  }

  private enum Resolution {
    case poolIndex(Int)
    case refused(Observation.Refusal)
  }

  private func resolve(_ proposal: Proposal) -> Resolution {
    let space = task.domain.space
    switch proposal.target {
    case .poolIndex(let index):
      guard index >= 0 && index < space.poolSize else { return .refused(.invalid) }
      return task.domain.contains(index) ? .poolIndex(index) : .refused(.outsideDomain)
    case .architecture(let architecture):
      switch space.status(of: architecture) {
      case .invalid: return .refused(.invalid)
      case .notInPool: return .refused(.notInPool)
      case .pool(let index): return task.domain.contains(index) ? .poolIndex(index) : .refused(.outsideDomain)
      }
    }
  }
}
