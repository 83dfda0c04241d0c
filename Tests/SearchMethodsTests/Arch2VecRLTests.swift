import Benchmarks
import Harness
import Randomness
import SearchMethods
import SearchSpaces
import TestSupport
import Testing

@Suite struct Arch2VecRLTests {
  static let source = TinyTaskSource(positions: 4, operations: 4)
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! source.task(named: "tiny")

  static var quick: Arch2VecRL.Settings {
    var settings = Arch2VecRL.Settings.quick
    settings.encoder.epochs = 2
    return settings
  }

  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let embedding: Arch2VecEmbedding = {
    var rng = SeededGenerator(seed: 0)
    return try! Arch2VecRL.pretrain(settings: quick, space: task.domain.space, using: &rng) { _ in }
  }()

  /// An evaluated observation of `poolIndex`.
  static func evaluated(_ poolIndex: Int, signal: Double) -> Observation {
    Observation(proposal: .poolIndex(poolIndex), poolIndex: poolIndex, outcome: .evaluated(signal: signal, costSeconds: 1))
  }

  /// The pool index of a one-proposal batch.
  static func single(_ batch: [Proposal]) throws -> Int {
    try #require(batch.count == 1)
    guard case .poolIndex(let index) = batch[0].target else { throw TestFailure("proposed a cell, not a pool index") }
    return index
  }

  /// A proposal of the wrong kind.
  struct TestFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }
}

// MARK: - Registration and pretraining

extension Arch2VecRLTests {
  @Test func isRegisteredAsAFaithfulPretrainedMethodOfTheArch2VecFamilyWithoutPredictor() throws {
    let entry = try #require(MethodRegistry.builtIn.first { $0.name == "arch2vec-rl" })
    #expect(entry.reconstruction == nil)
    #expect(!entry.hasPredictor)
    #expect(entry.pretraining?.family == "arch2vec")
    #expect(try entry.pretraining?.key(settings: entry.defaults) == "epochs=10 hidden=128 latent=16")
    #expect(
      entry.help.map(\.key) == [
        "epochs", "hiddenSize", "latentSize", "priorSamples", "priorSampling", "adjacencyLoss", "initialSize", "batchSize", "baseline",
        "nearest",
        "policyHiddenSize",
        "learningRate", "actionStandardDeviation",
      ])
    #expect(SettingsDocument.markdown(for: MethodRegistry.builtIn).contains("## `arch2vec-rl`"))
  }

  @Test func sharesArch2VecBOsPretrainingKeyForEqualEncoderSettings() {
    var bo = Arch2VecBO.Settings()
    var rl = Arch2VecRL.Settings()
    rl.baseline = 0.95
    rl.policy.hiddenSize = 7
    #expect(Arch2VecRL.pretrainingKey(settings: rl) == Arch2VecBO.pretrainingKey(settings: bo))
    bo.encoder.latentSize = 8
    #expect(Arch2VecRL.pretrainingKey(settings: rl) != Arch2VecBO.pretrainingKey(settings: bo))
  }

  @Test func refusesAnEmbeddingOfTheWrongShape() throws {
    let context = SearchContext(domain: Self.task.domain, initialDesign: InitialDesign(domain: Self.task.domain, seed: 1))
    let wrong = Arch2VecEmbedding(dimensions: 3, count: 2, values: [0, 0, 0, 0, 0, 0])
    #expect(throws: PretrainingError.self) { try Arch2VecRL(settings: Self.quick, context: context, pretrained: wrong) }
  }
}

// MARK: - The environment

extension Arch2VecRLTests {
  /// Five points on a line at 0, 1, 2, 3, 10 (pool indices 10...14 of a 15-row table, the
  /// domain listed out of order).
  static func line() -> LatentNeighborhood {
    var values = [Float](repeating: 99, count: 15 * 2)
    for (index, x) in zip(10...14, [Float(0), 1, 2, 3, 10]) {
      values[index * 2] = x
      values[index * 2 + 1] = 0
    }
    return LatentNeighborhood(poolIndices: [12, 10, 14, 11, 13], values: values, dimensions: 2)
  }

  @Test func firstTakesTheNearestUnvisitedAndSkipFirstNeverTheNearestOne() {
    var neighborhood = Self.line()
    // Action at x = 0.2: nearest 10 (x 0), then 11 (x 1).
    #expect(neighborhood.select(nearestTo: [0.2, 0], rule: .first) == 10)
    #expect(neighborhood.select(nearestTo: [0.2, 0], rule: .skipFirst) == 11)
    // The nearest visited: both take the nearest unvisited (the source starts past a visited one).
    neighborhood.visit(10)
    #expect(neighborhood.select(nearestTo: [0.2, 0], rule: .first) == 11)
    #expect(neighborhood.select(nearestTo: [0.2, 0], rule: .skipFirst) == 11)
    // Action at x = 1.9: the nearest, 12 (x 2), is unvisited and skipped; then 11 (0.9 away) before 13 (1.1).
    #expect(neighborhood.select(nearestTo: [1.9, 0], rule: .first) == 12)
    #expect(neighborhood.select(nearestTo: [1.9, 0], rule: .skipFirst) == 11)
    // Far away: the row at 10 is nearest.
    #expect(neighborhood.select(nearestTo: [50, 0], rule: .first) == 14)
    #expect(neighborhood.select(nearestTo: [50, 0], rule: .skipFirst) == 13)
  }

  @Test func theLastUnvisitedArchitectureIsTakenByEitherRuleAndThenNothing() {
    var neighborhood = Self.line()
    for index in [10, 11, 12, 13] { neighborhood.visit(index) }
    #expect(!neighborhood.isExhausted && neighborhood.visitedCount == 4)
    #expect(neighborhood.select(nearestTo: [10, 0], rule: .first) == 14)
    #expect(neighborhood.select(nearestTo: [10, 0], rule: .skipFirst) == 14)
    neighborhood.visit(14)
    neighborhood.visit(3)
    #expect(neighborhood.isExhausted && neighborhood.visitedCount == 5)
    #expect(neighborhood.select(nearestTo: [10, 0], rule: .first) == nil)
    #expect(neighborhood.point(of: 13) == [3, 0] && neighborhood.point(of: 3) == nil)
  }
}

// MARK: - Search

extension Arch2VecRLTests {
  @Test func queriesTheInitialDesignThenOneUnvisitedDomainArchitecturePerStepDeterministically() throws {
    let driver = MethodDriver(task: Self.task, entry: MethodEntry(Arch2VecRL.self), settings: Self.quick)
    let trace = try driver.run(seed: 3, budget: 60, pretrained: Self.embedding)
    var design = InitialDesign(domain: Self.task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: 3))
    #expect(trace.queried.first == design.next())
    #expect(trace.queried.count == 60 && Set(trace.queried).count == 60)
    #expect(trace.proposed == trace.queried, "one proposal per step, never a repeat or a refusal")
    #expect(try driver.run(seed: 3, budget: 60, pretrained: Self.embedding) == trace)
    #expect(try driver.run(seed: 4, budget: 60, pretrained: Self.embedding).queried != trace.queried)

    let subset = try Self.source.task(named: "tiny-subset")
    let onSubset = try MethodDriver(task: subset, entry: MethodEntry(Arch2VecRL.self), settings: Self.quick)
      .run(seed: 3, budget: 40, pretrained: Self.embedding)
    #expect(onSubset.queried.count == 40 && onSubset.refusals.isEmpty)
    #expect(onSubset.queried.allSatisfy { subset.domain.contains($0) })
  }

  @Test func exhaustsASmallDomainThenProposesNothing() throws {
    let task = try TinyTaskSource(positions: 3, operations: 3).task(named: "tiny-subset")
    var rng = SeededGenerator(seed: 0)
    let embedding = try Arch2VecRL.pretrain(settings: Self.quick, space: task.domain.space, using: &rng) { _ in }
    let context = SearchContext(domain: task.domain, initialDesign: InitialDesign(domain: task.domain, seed: 1))
    var settings = Self.quick
    settings.batchSize = 2
    var method = try Arch2VecRL(settings: settings, context: context, pretrained: embedding)
    var queried: [Int] = []
    for _ in 0..<(task.domain.count + 5) {
      let batch = try method.ask(count: 100, using: &rng)
      if batch.isEmpty { break }
      let index = try Self.single(batch)
      queried.append(index)
      method.tell([Self.evaluated(index, signal: task.signal[index])])
    }
    #expect(queried.count == task.domain.count && Set(queried) == Set(task.domain.indices))
    #expect(try method.ask(count: 100, using: &rng).isEmpty)
    #expect(method.updateCount == (task.domain.count - 1) / 2)
  }

  @Test func updatesThePolicyOnceEveryBatchOfRewardedSteps() throws {
    var settings = Self.quick
    settings.batchSize = 3
    settings.initialSize = 2
    let context = SearchContext(domain: Self.task.domain, initialDesign: InitialDesign(domain: Self.task.domain, seed: 9))
    var method = try Arch2VecRL(settings: settings, context: context, pretrained: Self.embedding)
    var rng = SeededGenerator(seed: 2)
    let initial = try method.ask(count: 100, using: &rng)
    #expect(initial.count == 2 && initial.allSatisfy(\.isInitial))
    method.tell(
      initial.compactMap { proposal in
        guard case .poolIndex(let index) = proposal.target else { return nil }
        return Self.evaluated(index, signal: 50)
      })
    #expect(method.updateCount == 0, "the initial design has no action, so no reward")
    var queried: Set<Int> = []
    for step in 1...7 {
      let index = try Self.single(try method.ask(count: 100, using: &rng))
      #expect(queried.insert(index).inserted)
      if step == 2 {
        // Not evaluated (a budget cut): no reward entry for this action.
        method.tell([Observation(proposal: .poolIndex(index), poolIndex: index, outcome: .notEvaluated)])
        queried.remove(index)
      } else {
        method.tell([Self.evaluated(index, signal: 90)])
      }
      let rewarded = step < 2 ? step : step - 1
      #expect(method.updateCount == rewarded / 3, "after step \(step)")
    }
  }
}

// MARK: - Against random search

extension Arch2VecRLTests {
  /// Best signal after 100 queries over paired seeds 0-7 on NB201 CIFAR-10, with a 2-epoch
  /// pretraining (seed 0) and the default search settings.
  ///
  /// Measured (release build, search signal = validation accuracy): seeds 0-7, arch2vec-rl
  /// 91.00 against random search 91.01 (ahead on 4 of 8). Over seeds 0-19: after 50 queries
  /// 90.73 (`nearest: skipFirst` 90.80) against 90.86, after 100 queries 90.98 (`skipFirst`
  /// 90.99) against 91.07, arch2vec-rl ahead on 9 of 20 both times. The domain's median is
  /// 87.30, its 90th percentile 89.65, its best 91.61. So arch2vec-rl does not beat random
  /// search at this budget (arch2vec's own curves show RL close to random search early on);
  /// the test asserts what holds with margin: every trial ends above the 90th percentile (the
  /// worst measured was 90.57), and the mean is not more than 0.3 below random search's.
  @Test func staysCloseToRandomSearchOnNB201CIFAR10() throws {
    let source = try CatalogTaskSource()
    let task = try source.task(named: "nb201-cifar10")
    var settings = Arch2VecRL.Settings()
    settings.encoder.epochs = 2
    settings.encoder.priorSamples = 100
    var rng = SeededGenerator(seed: 0)
    let embedding = try Arch2VecRL.pretrain(settings: settings, space: task.domain.space, using: &rng) { _ in }
    let method = MethodDriver(task: task, entry: MethodEntry(Arch2VecRL.self), settings: settings)
    let random = MethodDriver(task: task, entry: MethodEntry(RandomSearch.self))
    let sorted = task.domain.indices.map { task.signal[$0] }.sorted()
    let ninetiethPercentile = sorted[sorted.count * 9 / 10]
    var (ours, theirs) = (0.0, 0.0)
    let seeds: [UInt64] = Array(0..<8)
    for seed in seeds {
      let best = try method.run(seed: seed, budget: 100, pretrained: embedding).queried.map { task.signal[$0] }.max() ?? 0
      #expect(best > ninetiethPercentile, "seed \(seed): best \(best), 90th percentile \(ninetiethPercentile)")
      ours += best
      theirs += try random.run(seed: seed, budget: 100).queried.map { task.signal[$0] }.max() ?? 0
    }
    ours /= Double(seeds.count)
    theirs /= Double(seeds.count)
    print("arch2vec-rl \(ours) random-search \(theirs) on nb201-cifar10 after 100 queries")
    #expect(ours > theirs - 0.3, "arch2vec-rl \(ours) vs random search \(theirs)")
  }
}
