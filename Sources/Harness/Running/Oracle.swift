import Benchmarks
import SearchMethods

/// The only holder of labels in a trial: evaluates proposals against the budget.
///
/// It resolves each proposal to a pool index (refusing invalid cells and cells outside the
/// domain), answers repeats from memory (free or counted, per the suite), evaluates new
/// architectures until the budget is reached, and hands back observations that carry the search
/// signal only. Within one batch, proposals are handled in order; once the budget is reached the
/// rest of the batch is `notEvaluated` (a batch that would overshoot is truncated).
struct Oracle {
  /// One counted query, with what the log needs and the method never sees.
  struct Evaluation {
    let poolIndex: Int
    let signal: Double
    let report: Double
    let cost: Double
    let cumulativeCost: Double
    let isInitial: Bool
  }

  let task: BenchmarkTask
  let budget: Budget
  let duplicates: DuplicatePolicy
  private(set) var signals: [Int: Double] = [:]
  private(set) var queries = 0
  private(set) var cumulativeCost = 0.0
  private(set) var budgetReached = false
  private(set) var proposals = 0
  private(set) var refused = 0
  private(set) var repeats = 0
  private(set) var repeatsInBatch = 0

  init(task: BenchmarkTask, budget: Budget, duplicates: DuplicatePolicy) {
    self.task = task
    self.budget = budget
    self.duplicates = duplicates
  }

  /// How many more architectures a method may usefully propose now.
  var remaining: Int {
    let unqueried = task.domain.count - signals.count
    switch budget {
    case .queries(let limit): return max(0, min(limit - queries, duplicates == .counted ? limit - queries : unqueried))
    case .seconds: return max(0, unqueried)
    }
  }

  /// Evaluates a batch; returns one observation per proposal and the counted queries.
  mutating func evaluate(_ batch: [Proposal]) -> (observations: [Observation], evaluations: [Evaluation]) {
    var observations: [Observation] = []
    var evaluations: [Evaluation] = []
    var seenInBatch = Set<Int>()
    for proposal in batch {
      proposals += 1
      let index: Int
      switch resolve(proposal) {
      case .refused(let refusal):
        refused += 1
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
          evaluations.append(Evaluation(
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
      evaluations.append(Evaluation(
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
      guard let index = space.index(of: architecture) else { return .refused(.invalid) }
      return task.domain.contains(index) ? .poolIndex(index) : .refused(.outsideDomain)
    }
  }
}
