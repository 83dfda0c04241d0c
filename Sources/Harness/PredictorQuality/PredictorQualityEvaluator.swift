import Analysis
import Benchmarks
import Foundation
import Randomness
import Results
import SearchMethods

/// Trains each method's predictor on n random labelled architectures and measures how it
/// ranks the rest of the domain (PROTOCOL.md section 5).
///
/// For every task, training size n and seed, one split is drawn (uniformly, from a seed derived
/// from the suite seed, the task, n and the seed index) and shared by every predictor, so
/// predictors are compared on paired splits; each predictor's own randomness derives from the
/// split seed and the method name. Units of work run in parallel and the records come back in
/// a fixed order, independent of parallelism.
public enum PredictorQualityEvaluator {
  /// Evaluates every predictor of the suite's methods on every task.
  ///
  /// - Parameters:
  ///   - progress: called with (units done, units in all) after each unit.
  /// - Throws: errors of loading tasks or of training a predictor.
  public static func evaluate(
    _ suite: Suite, settings: PredictorQualitySettings, source: any TaskSource, workers: Int? = nil,
    cache: PretrainingCache? = nil, log: (@Sendable (String) -> Void)? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> [PredictorQualityRecord] {
    let specs = suite.methods.filter(\.entry.hasPredictor)
    guard !specs.isEmpty else { throw RunError.noPredictors(methods: suite.methods.map(\.label)) }
    let parallel = max(1, workers ?? (suite.workers > 0 ? suite.workers : ProcessInfo.processInfo.activeProcessorCount))
    var tasks: [String: BenchmarkTask] = [:]
    let source = suite.taskSource(over: source)
    for name in suite.tasks { tasks[name] = try source.task(named: name) }
    let pretrainable = specs.filter { $0.entry.pretraining != nil }
    let cells = suite.tasks.flatMap { task in pretrainable.map { TrialCell(task: task, method: $0.label, trial: 0) } }
    let stage = try await PretrainingStage.prepare(
      suite, cells: cells, tasks: tasks, options: RunOptions(cache: cache, log: log), workers: parallel)
    var units: [Unit] = []
    for name in suite.tasks {
      guard let task = tasks[name] else { continue }
      for size in settings.sizes where size < task.domain.count {
        for seed in 0..<settings.seeds {
          for spec in specs {
            let pretrained = Result { try stage.value(label: spec.label, task: name) }
            units.append(Unit(task: task, spec: spec, size: size, seed: seed, pretrained: pretrained))
          }
        }
      }
    }
    var results = [PredictorQualityRecord?](repeating: nil, count: units.count)
    try await withThrowingTaskGroup(of: (Int, PredictorQualityRecord).self) { group in
      var next = 0
      var done = 0
      func launch() {
        guard next < units.count else { return }
        let position = next
        let unit = units[position]
        next += 1
        group.addTask { (position, try unit.run(suiteSeed: suite.seed, precisionAt: settings.precisionAt)) }
      }
      for _ in 0..<min(parallel, units.count) { launch() }
      while let (position, record) = try await group.next() {
        results[position] = record
        done += 1
        progress?(done, units.count)
        launch()
      }
    }
    return results.compactMap { $0 }
  }

  /// The training architectures of one split: the first n of a uniform stream over the domain.
  public static func trainingSplit(task: BenchmarkTask, size: Int, seed: Int, suiteSeed: UInt64) -> [Int] {
    var design = InitialDesign(domain: task.domain, seed: splitSeed(task: task.name, size: size, seed: seed, suiteSeed: suiteSeed))
    return design.next(size)
  }

  static func splitSeed(task: String, size: Int, seed: Int, suiteSeed: UInt64) -> UInt64 {
    StableHash.combine([suiteSeed, StableHash.of(task), StableHash.of("predictor-quality"), UInt64(size), UInt64(seed)])
  }

  private struct Unit: Sendable {
    let task: BenchmarkTask
    let spec: MethodSpec
    let size: Int
    let seed: Int
    let pretrained: Result<(any Sendable)?, any Error>

    func run(suiteSeed: UInt64, precisionAt: [Int]) throws -> PredictorQualityRecord {
      let training = PredictorQualityEvaluator.trainingSplit(task: task, size: size, seed: seed, suiteSeed: suiteSeed)
      let chosen = Set(training)
      let test = task.domain.indices.filter { !chosen.contains($0) }
      let predictorOrNil = try spec.entry.makePredictor(settings: spec.settings, domain: task.domain, pretrained: try pretrained.get())
      guard let predictor = predictorOrNil else {
        throw RunError.noPredictors(methods: [spec.label])
      }
      let seedValue = PredictorQualityEvaluator.splitSeed(task: task.name, size: size, seed: seed, suiteSeed: suiteSeed)
      var rng = SeedPlan.methodGenerator(trialSeed: seedValue, methodName: spec.entry.name)
      let clock = ContinuousClock()
      let start = clock.now
      try predictor.fit(poolIndices: training, targets: training.map { task.signal[$0] }, using: &rng)
      let fitSeconds = (clock.now - start).seconds
      let predicted = predictor.predict(poolIndices: test)
      let truth = test.map { task.signal[$0] }
      var precision: [String: Double] = [:]
      for t in precisionAt { precision[String(t)] = RankAgreement.precision(at: t, predicted: predicted, truth: truth) }
      return PredictorQualityRecord(
        task: task.name, predictor: spec.label, trainingSize: size, seed: seed, testSize: test.count,
        kendallTau: RankAgreement.kendallTau(predicted, truth), spearmanRho: RankAgreement.spearmanRho(predicted, truth),
        precision: precision, fitSeconds: fitSeconds)
    }
  }
}
