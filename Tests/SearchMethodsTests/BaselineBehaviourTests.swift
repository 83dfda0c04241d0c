import Benchmarks
import Harness
import Randomness
import SearchMethods
import TestSupport
import Testing

/// Each baseline does what its paper says, and each setting changes behaviour.
@Suite struct BaselineBehaviourTests {
  static let source = TinyTaskSource(positions: 5, operations: 4)
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! source.task(named: "tiny")

  static func meanBestSignal(_ entry: MethodEntry, settings: (any MethodSettings)? = nil, budget: Int, trials: Int = 60) throws -> Double {
    var total = 0.0
    for seed in 0..<trials {
      let trace = try MethodDriver(task: task, entry: entry, settings: settings).run(seed: UInt64(seed), budget: budget)
      total += trace.queried.map { task.signal[$0] }.max() ?? 0
    }
    return total / Double(trials)
  }

  @Test func randomSearchReadsTheSharedInitialDesign() throws {
    let trace = try MethodDriver(task: Self.task, entry: MethodEntry(RandomSearch.self)).run(seed: 9, budget: 30)
    var design = InitialDesign(domain: Self.task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: 9))
    #expect(trace.queried == design.next(30))
  }

  @Test func evolutionAndLocalSearchBeatRandomSearch() throws {
    let random = try Self.meanBestSignal(MethodEntry(RandomSearch.self), budget: 60)
    var evolution = RegularizedEvolution.Settings()
    evolution.populationSize = 10
    evolution.sampleSize = 3
    evolution.initialSize = 10
    let evolved = try Self.meanBestSignal(MethodEntry(RegularizedEvolution.self), settings: evolution, budget: 60)
    let local = try Self.meanBestSignal(MethodEntry(LocalSearch.self), budget: 60)
    #expect(evolved > random + 0.1, "RE \(evolved) vs RS \(random)")
    #expect(local > random + 0.1, "LS \(local) vs RS \(random)")
  }

  @Test func tournamentSizeChangesEvolution() throws {
    var small = RegularizedEvolution.Settings()
    small.sampleSize = 1
    var large = RegularizedEvolution.Settings()
    large.sampleSize = 20
    let entry = MethodEntry(RegularizedEvolution.self)
    let a = try MethodDriver(task: Self.task, entry: entry, settings: small).run(seed: 1, budget: 80)
    let b = try MethodDriver(task: Self.task, entry: entry, settings: large).run(seed: 1, budget: 80)
    #expect(a.queried.prefix(30) == b.queried.prefix(30), "same initial population")
    #expect(a.queried != b.queried)
    // A tournament of 1 is random parent choice: weaker selection pressure on average.
    #expect(try Self.meanBestSignal(entry, settings: large, budget: 80) > Self.meanBestSignal(entry, settings: small, budget: 80))
  }

  @Test func localSearchVariantsDiffer() throws {
    var best = LocalSearch.Settings()
    best.variant = .bestImprovement
    let entry = MethodEntry(LocalSearch.self)
    let first = try MethodDriver(task: Self.task, entry: entry).run(seed: 4, budget: 60)
    let full = try MethodDriver(task: Self.task, entry: entry, settings: best).run(seed: 4, budget: 60)
    #expect(first.queried.prefix(10) == full.queried.prefix(10))
    #expect(first.queried != full.queried)
    // Best-improvement queries whole neighbourhoods: after the start, batches of neighbours of
    // one architecture (5 positions x 3 other ops = 15).
    // swift-format-ignore: NeverForceUnwrap
    // The trace holds at least ten queries: the budget is larger.
    let start = full.queried.prefix(10).max { Self.task.signal[$0] < Self.task.signal[$1] }!
    let neighbours = Set(Self.task.domain.space.neighbors(of: Self.task.domain.space.architecture(at: start)))
    #expect(Set(full.queried[10..<25]) == neighbours)
  }

  @Test func initialSizeIsHonoured() throws {
    var settings = LocalSearch.Settings()
    settings.initialSize = 25
    let trace = try MethodDriver(task: Self.task, entry: MethodEntry(LocalSearch.self), settings: settings).run(seed: 2, budget: 40)
    var design = InitialDesign(domain: Self.task.domain, seed: SeedPlan.initialDesignSeed(trialSeed: 2))
    #expect(Array(trace.queried.prefix(25)) == design.next(25))
  }

  @Test func initialDesignIsUniformAndPrefixConsistent() {
    var counts = [Int](repeating: 0, count: Self.task.domain.count)
    for seed in 0..<2000 {
      var design = InitialDesign(domain: Self.task.domain, seed: UInt64(seed))
      let first = design.next(3)
      #expect(Set(first).count == 3)
      counts[first[0]] += 1
      var again = InitialDesign(domain: Self.task.domain, seed: UInt64(seed))
      #expect(again.next() == first[0])
    }
    let expected = 2000.0 / Double(Self.task.domain.count)
    let chiSquare = counts.map { pow(Double($0) - expected, 2) / expected }.reduce(0, +)
    // 1023 degrees of freedom: mean 1023, sd ~45; 1250 is about 5 sd.
    #expect(chiSquare < 1250, "chi-square \(chiSquare)")
  }
}

private func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { acc, _ in acc * x } }
