import Benchmarks
import SearchMethods
import TestSupport
import Testing

@Suite struct BANANASTests {
  typealias F = PredictorMethodFixtures
}

extension BANANASTests {
  @Test func beatsRandomSearchOnAverage() throws {
    let seeds: Range<UInt64> = 0..<8
    let bananas = try F.meanBest("bananas", settings: F.bananas, budget: 30, seeds: seeds)
    let random = try F.meanBest("random-search", budget: 30, seeds: seeds)
    #expect(bananas > random, "bananas \(bananas) vs random search \(random)")
  }

  @Test func candidateCountAndBatchSizeChangeTheTrajectory() throws {
    let entry = try F.entry("bananas")
    let base = try MethodDriver(task: F.task, entry: entry, settings: F.bananas).run(seed: 2, budget: 30)
    var few = F.bananas
    few.candidateCount = 10
    var batch = F.bananas
    batch.batchSize = 4
    #expect(try MethodDriver(task: F.task, entry: entry, settings: few).run(seed: 2, budget: 30).queried != base.queried)
    #expect(try MethodDriver(task: F.task, entry: entry, settings: batch).run(seed: 2, budget: 30).queried != base.queried)
  }

  @Test func usesOneHotWhereThePathEncodingIsMissingUnlessAsked() throws {
    let space = F.task.domain.space
    #expect(try BANANAS.Settings().encoding(for: space) == .oneHot)
    var explicit = BANANAS.Settings()
    explicit.encoding = .path
    #expect(throws: MethodSettingsError.self) { try explicit.encoding(for: space) }
  }
}
