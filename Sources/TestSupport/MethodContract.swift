import Benchmarks
import Harness
import Randomness
import SearchMethods
import SearchSpaces

/// Drives a method through ask/tell against a task with the harness's real `Oracle` (the
/// same refusals, repeats and budget as a run), without the run log, for contract checks:
/// returns the pool indices it got evaluated, in order, and what it proposed.
public struct MethodDriver {
  /// What one driven trial produced.
  public struct Trace: Equatable {
    /// Pool indices evaluated, in query order.
    public var queried: [Int] = []
    /// Proposals made, resolved to pool indices (`-1` for ones outside the pool).
    public var proposed: [Int] = []
    /// The refusals the oracle gave, in proposal order.
    public var refusals: [Observation.Refusal] = []
    /// Whether the method stopped by itself (an empty batch).
    public var stoppedByItself = false
  }

  public let task: BenchmarkTask
  public let entry: MethodEntry
  public let settings: any MethodSettings

  /// A driver for `entry` with its default settings on `task`.
  public init(task: BenchmarkTask, entry: MethodEntry, settings: (any MethodSettings)? = nil) {
    self.task = task
    self.entry = entry
    self.settings = settings ?? entry.defaults
  }

  /// Runs until `budget` architectures are evaluated or the method stops (repeats are free).
  ///
  /// A pretrainable method is built from `pretrained` when given, else first pretrained on the
  /// task's space with a generator seeded by `pretrainingSeed` (no cache: each such run
  /// pretrains afresh).
  public func run(seed: UInt64, budget: Int, pretrained: (any Sendable)? = nil, pretrainingSeed: UInt64 = 0) throws -> Trace {
    let design = InitialDesign(domain: task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: seed))
    let context = SearchContext(domain: task.domain, initialDesign: design)
    var method: any SearchMethod
    if let pretrained {
      method = try entry.makeMethod(settings: settings, context: context, pretrained: pretrained)
    } else if let pretraining = entry.pretraining {
      var pretrainingGenerator = SeededGenerator(seed: pretrainingSeed)
      let value = try pretraining.pretrain(settings: settings, space: task.domain.space, using: &pretrainingGenerator) { _ in }
      method = try entry.makeMethod(settings: settings, context: context, pretrained: value)
    } else {
      method = try entry.makeMethod(settings: settings, context: context)
    }
    var rng = SeedPlan.methodGenerator(trialSeed: seed, methodName: entry.name)
    var oracle = Oracle(task: task, budget: .queries(budget), duplicates: .free)
    var trace = Trace()
    var steps = 0
    while !oracle.budgetReached && oracle.remaining > 0 && steps < 10 * budget + 100 {
      steps += 1
      let batch = try method.ask(count: oracle.remaining, using: &rng)
      if batch.isEmpty {
        trace.stoppedByItself = true
        break
      }
      for proposal in batch {
        switch proposal.target {
        case .poolIndex(let index): trace.proposed.append(index >= 0 && index < task.domain.space.poolSize ? index : -1)
        case .architecture(let architecture): trace.proposed.append(task.domain.space.status(of: architecture).poolIndex ?? -1)
        }
      }
      let (observations, evaluations) = oracle.evaluate(batch)
      trace.queried += evaluations.map(\.poolIndex)
      for observation in observations {
        if case .refused(let refusal) = observation.outcome { trace.refusals.append(refusal) }
      }
      try method.tell(observations)
    }
    return trace
  }
}
