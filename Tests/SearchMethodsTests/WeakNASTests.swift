import Benchmarks
import Randomness
import SearchMethods
import TestSupport
import Testing

@Suite struct WeakNASTests {
  typealias F = PredictorMethodFixtures
}

extension WeakNASTests {
  @Test func beatsRandomSearchOnAverage() throws {
    let seeds: Range<UInt64> = 0..<8
    let weak = try F.meanBest("weaknas", settings: F.weakNAS, budget: 30, seeds: seeds)
    let random = try F.meanBest("random-search", budget: 30, seeds: seeds)
    #expect(weak > random, "weaknas \(weak) vs random search \(random)")
  }

  @Test func batchSizeAndTopKChangeTheTrajectory() throws {
    let entry = try F.entry("weaknas")
    let base = try MethodDriver(task: F.task, entry: entry, settings: F.weakNAS).run(seed: 1, budget: 30)
    var batch = F.weakNAS
    batch.batchSize = 5
    var top = F.weakNAS
    top.topK = 60
    #expect(try MethodDriver(task: F.task, entry: entry, settings: batch).run(seed: 1, budget: 30).queried != base.queried)
    #expect(try MethodDriver(task: F.task, entry: entry, settings: top).run(seed: 1, budget: 30).queried != base.queried)
    // The first ten are the shared initial design whatever the settings.
    #expect(try MethodDriver(task: F.task, entry: entry, settings: top).run(seed: 1, budget: 30).queried.prefix(10) == base.queried.prefix(10))
  }

  @Test func recommendsThePredictedBestAfterTheFirstRound() throws {
    let design = InitialDesign(domain: F.task.domain, seed: 9)
    var method = try WeakNAS(settings: F.weakNAS, context: SearchContext(domain: F.task.domain, initialDesign: design))
    var rng = SeededGenerator(seed: 9)
    #expect(method.recommendation() == nil)
    for _ in 0..<2 {
      let batch = try method.ask(count: 10, using: &rng)
      method.tell(
        batch.map { proposal in
          guard case .poolIndex(let index) = proposal.target else { preconditionFailure("pool proposals only") }
          return Observation(proposal: proposal, poolIndex: index, outcome: .evaluated(signal: F.task.signal[index], costSeconds: 1))
        })
    }
    let recommended = try #require(method.recommendation())
    #expect(F.task.domain.contains(recommended))
  }

  @Test func anEncodingTheSpaceLacksIsAClearError() throws {
    var settings = F.weakNAS
    settings.encoding = .path
    let context = SearchContext(domain: F.task.domain, initialDesign: InitialDesign(domain: F.task.domain, seed: 1))
    #expect(
      throws: MethodSettingsError.invalidValue(
        key: "encoding", value: "path", expected: "an encoding that tiny-4x4 provides (one-hot)", path: ["encoding"])
    ) {
      try WeakNAS(settings: settings, context: context)
    }
  }
}
