import Benchmarks
import Randomness
import Results
import SearchMethods

/// Runs one trial: one method on one task with one seed, through the oracle, into the log.
struct TrialRunner {
  /// Steps without a new query after which a trial is stopped as failed (a method stuck
  /// re-proposing known or refused architectures).
  static let stallLimit = 1000

  let suite: Suite
  let task: BenchmarkTask
  let spec: MethodSpec
  let trial: Int
  /// The method's pretrained value (`nil` without pretraining), or why pretraining failed.
  var pretrained: Result<(any Sendable)?, any Error> = .success(nil)
  /// The run folder, where a method may write side files (a plugin's stderr).
  var folder: String?

  func run(into sink: inout TrialLogSink) async throws -> TrialRecord {
    let trialSeed = SeedPlan.trialSeed(suiteSeed: suite.seed, task: task.name, trial: trial)
    let design = InitialDesign(domain: task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: trialSeed))
    let identity = TrialIdentity(task: task.name, method: spec.label, index: trial, seed: trialSeed, folder: folder)
    let context = SearchContext(domain: task.domain, initialDesign: design, trial: identity)
    var rng = SeedPlan.methodGenerator(trialSeed: trialSeed, methodName: spec.entry.name)
    var oracle = Oracle(task: task, budget: suite.budget, duplicates: suite.duplicates)
    let clock = ContinuousClock()
    var methodTime = Duration.zero
    var batch = 0
    var stalled = 0
    var lastRecommendation: Int?
    var status = TrialRecord.Status.completed
    var message: String?

    do {
      var method = try spec.entry.makeMethod(settings: spec.settings, context: context, pretrained: try pretrained.get())
      while !oracle.budgetReached && oracle.remaining > 0 {
        let start = clock.now
        let proposals = try method.ask(count: oracle.remaining, using: &rng)
        methodTime += clock.now - start
        if proposals.isEmpty {
          status = .exhausted
          break
        }
        let before = oracle.queries
        let generation = (method as? any GenerationReporting)?.generationReport()
        let (observations, evaluations) = oracle.evaluate(proposals)
        let tellStart = clock.now
        try method.tell(observations)
        methodTime += clock.now - tellStart
        let seconds = methodTime.seconds
        var lines: [LogEntry] = []
        if let generation {
          lines.append(
            .generation(
              GenerationRecord(
                task: task.name, method: spec.label, trial: trial, batch: batch, afterQuery: before,
                generated: generation.generated, valid: generation.valid, unique: generation.unique,
                novel: generation.novel, inDomain: generation.inDomain, tokenCounts: generation.tokenCounts,
                lossCurves: generation.lossCurves.map { GenerationRecord.LossCurve(name: $0.name, values: $0.values) })))
        }
        lines += evaluations.enumerated().map { offset, evaluation in
          LogEntry.query(
            QueryRecord(
              task: task.name, method: spec.label, trial: trial, query: before + offset + 1,
              poolIndex: evaluation.poolIndex, key: task.domain.space.key(at: evaluation.poolIndex),
              signal: evaluation.signal, report: evaluation.report, cost: evaluation.cost,
              cumulativeCost: evaluation.cumulativeCost, batch: batch, methodSeconds: seconds,
              initial: evaluation.isInitial))
        }
        if let recommending = method as? any Recommending, let pick = recommending.recommendation(), pick != lastRecommendation,
          pick >= 0, pick < task.domain.space.poolSize
        {
          lastRecommendation = pick
          lines.append(
            .recommendation(
              RecommendationRecord(
                task: task.name, method: spec.label, trial: trial, afterQuery: oracle.queries, poolIndex: pick,
                key: task.domain.space.key(at: pick), report: task.report[pick])))
        }
        try await sink.emit(lines)
        batch += 1
        stalled = evaluations.isEmpty ? stalled + 1 : 0
        if stalled >= Self.stallLimit {
          throw TrialFailure(message: "no new query in \(Self.stallLimit) consecutive steps")
        }
      }
    } catch let error as RunError {
      throw error
    } catch let error as ResultStoreError {
      // The harness could not write the log: the run stops; the method did nothing wrong.
      throw error
    } catch {
      status = .failed
      message = "\(error)"
    }
    // The loop also ends when every domain architecture has been queried before the budget.
    if status == .completed && !oracle.budgetReached { status = .exhausted }
    let record = TrialRecord(
      task: task.name, method: spec.label, trial: trial, seed: trialSeed, status: status, message: message,
      queries: oracle.queries, cost: oracle.cumulativeCost, proposals: oracle.proposals, refused: oracle.refused,
      refusedInvalid: oracle.refusedInvalid, refusedNotInPool: oracle.refusedNotInPool,
      refusedOutsideDomain: oracle.refusedOutsideDomain,
      repeats: oracle.repeats, repeatsInBatch: oracle.repeatsInBatch, batches: batch,
      methodSeconds: methodTime.seconds)
    try await sink.emit([.trial(record)])
    return record
  }
}

/// A trial that broke the protocol.
struct TrialFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}
