import Benchmarks
import Harness
import Randomness
import SearchMethods

/// Drives a method through ask/tell against a task without the harness's log, for contract
/// checks: returns the pool indices it got evaluated, in order, and what it proposed.
public struct MethodDriver {
  /// What one driven trial produced.
  public struct Trace: Equatable {
    /// Pool indices evaluated, in query order.
    public var queried: [Int] = []
    /// Proposals made, resolved to pool indices (`-1` for ones outside the pool).
    public var proposed: [Int] = []
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

  /// Runs until `budget` architectures are evaluated or the method stops.
  public func run(seed: UInt64, budget: Int) throws -> Trace {
    let design = InitialDesign(domain: task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: seed))
    var method = try entry.makeMethod(settings: settings, context: SearchContext(domain: task.domain, initialDesign: design))
    var rng = SeedPlan.methodGenerator(trialSeed: seed, methodName: entry.name)
    var known: [Int: Double] = [:]
    var trace = Trace()
    var steps = 0
    while trace.queried.count < budget && steps < 10 * budget + 100 {
      steps += 1
      let batch = try method.ask(count: budget - trace.queried.count, using: &rng)
      if batch.isEmpty {
        trace.stoppedByItself = true
        break
      }
      var observations: [Observation] = []
      for proposal in batch {
        let index: Int?
        switch proposal.target {
        case .poolIndex(let i): index = i
        case .architecture(let a): index = task.domain.space.index(of: a)
        }
        trace.proposed.append(index ?? -1)
        guard let index, task.domain.contains(index) else {
          observations.append(Observation(proposal: proposal, poolIndex: nil, outcome: .refused(.outsideDomain)))
          continue
        }
        if let signal = known[index] {
          observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .repeated(signal: signal)))
        } else if trace.queried.count < budget {
          known[index] = task.signal[index]
          trace.queried.append(index)
          observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .evaluated(signal: task.signal[index], costSeconds: 0)))
        } else {
          observations.append(Observation(proposal: proposal, poolIndex: index, outcome: .notEvaluated))
        }
      }
      try method.tell(observations)
    }
    return trace
  }
}
