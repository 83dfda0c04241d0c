import Benchmarks
import SearchMethods
import TestSupport
import Testing

@Suite struct BRPNASTests {
  typealias F = PredictorMethodFixtures
}

extension BRPNASTests {
  @Test(arguments: [BRPNAS.PredictorKind.binaryRelation, .unary])
  func beatsRandomSearchOnAverage(_ kind: BRPNAS.PredictorKind) throws {
    var settings = F.brpNAS
    settings.predictor = kind
    let seeds: Range<UInt64> = 0..<8
    let brp = try F.meanBest("brp-nas", settings: settings, budget: 30, seeds: seeds)
    let random = try F.meanBest("random-search", budget: 30, seeds: seeds)
    #expect(brp > random, "brp-nas (\(kind)) \(brp) vs random search \(random)")
  }

  @Test func exploitCountAndRoundSizeChangeTheTrajectory() throws {
    let entry = try F.entry("brp-nas")
    let base = try MethodDriver(task: F.task, entry: entry, settings: F.brpNAS).run(seed: 4, budget: 30)
    var greedy = F.brpNAS
    greedy.exploitCount = 10
    var rounds = F.brpNAS
    rounds.roundSize = 15
    #expect(try MethodDriver(task: F.task, entry: entry, settings: greedy).run(seed: 4, budget: 30).queried != base.queried)
    #expect(try MethodDriver(task: F.task, entry: entry, settings: rounds).run(seed: 4, budget: 30).queried != base.queried)
  }

  @Test func settingsRejectUnknownKeysAndBadValues() throws {
    var settings = BRPNAS.Settings()
    settings.exploitCount = 30
    #expect(throws: MethodSettingsError.self) { try settings.validate() }
    #expect(BRPNAS.Settings.help.map(\.key).contains("graphsPerStep"))
  }
}
