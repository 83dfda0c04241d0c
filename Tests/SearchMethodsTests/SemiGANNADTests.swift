import Benchmarks
import Harness
import Models
import Randomness
import SearchMethods
import SearchSpaces
import TestSupport
import Testing

@Suite struct SemiGANNADTests {
  typealias F = PredictorMethodFixtures

  static var quick: SemiGANNAD.Settings {
    var settings = SemiGANNAD.Settings()
    settings.initialSize = 8
    settings.batchSize = 4
    settings.initialSteps = 120
    settings.roundSteps = 30
    settings.samples = 100
    settings.fallbackSample = 64
    settings.training.shape.modelSize = 16
    settings.training.shape.heads = 2
    settings.training.shape.layers = 1
    settings.training.shape.generatorLayers = 1
    settings.training.shape.feedForwardSize = 32
    settings.training.shape.noiseSize = 4
    settings.training.labelledBatch = 16
    settings.training.unlabelledBatch = 16
    settings.training.generatedBatch = 16
    settings.training.predictorLearningRate = 3e-3
    settings.training.adversarialLearningRate = 2e-3
    return settings
  }

  /// Drives the method through the real oracle, returning the generation report of each ask.
  static func reports(_ settings: SemiGANNAD.Settings, seed: UInt64, budget: Int) throws -> [GenerationReport?] {
    let task = F.task
    let context = SearchContext(domain: task.domain, initialDesign: InitialDesign(domain: task.domain, seed: seed))
    var method = SemiGANNAD(settings: settings, context: context)
    var rng = SeededGenerator(seed: seed)
    var oracle = Oracle(task: task, budget: .queries(budget), duplicates: .free)
    var reports: [GenerationReport?] = []
    while oracle.remaining > 0 {
      let batch = try method.ask(count: oracle.remaining, using: &rng)
      guard !batch.isEmpty else { break }
      reports.append(method.generationReport())
      method.tell(oracle.evaluate(batch).observations)
    }
    return reports
  }
}

extension SemiGANNADTests {
  @Test func beatsRandomSearchOnAverage() throws {
    let seeds: Range<UInt64> = 0..<6
    let semigan = try F.meanBest("semigan-nad", settings: Self.quick, budget: 24, seeds: seeds)
    let random = try F.meanBest("random-search", budget: 24, seeds: seeds)
    #expect(semigan > random, "semigan-nad \(semigan) vs random search \(random)")
  }

  @Test func everyGeneratingRoundReportsWhatTheGeneratorMade() throws {
    let reports = try Self.reports(Self.quick, seed: 3, budget: 20)
    // Round 0 is the initial design: nothing generated.
    #expect(reports.first == .some(nil))
    let generating = reports.dropFirst().compactMap { $0 }
    #expect(generating.count == reports.count - 1 && !generating.isEmpty)
    for report in generating {
      // One draw of `samples`, or more while fewer than `candidates` cells qualify.
      #expect(report.generated % Self.quick.samples == 0 && report.generated <= Self.quick.samples * Self.quick.draws)
      #expect(report.generated == Self.quick.samples || report.novel < Self.quick.candidates * report.generated / Self.quick.samples)
      #expect(report.valid <= report.generated && report.unique <= report.valid && report.novel <= report.unique)
      // Every position's token counts add up to the cells generated.
      #expect(report.tokenCounts.allSatisfy { $0.reduce(0, +) == report.generated })
    }
  }

  @Test func lossCurvesAreWrittenOnlyWhenAsked() throws {
    #expect(try Self.reports(Self.quick, seed: 3, budget: 16).compactMap { $0 }.allSatisfy { $0.lossCurves.isEmpty })
    var curves = Self.quick
    curves.lossCurveWindow = 10
    let reports = try Self.reports(curves, seed: 3, budget: 16).compactMap { $0 }
    let first = try #require(reports.first)
    // The first round trains initialSteps (120) steps, later rounds roundSteps (30): 12 and 3 points.
    #expect(first.lossCurves.map(\.name) == ["discriminator", "predictor", "generator"])
    #expect(first.lossCurves.allSatisfy { $0.values.count == 12 && $0.values.allSatisfy { $0.isFinite && $0 > 0 } })
    #expect(reports.dropFirst().allSatisfy { $0.lossCurves.allSatisfy { $0.values.count == 3 } })
    // The window averages steps: one window over all steps is the mean of the step losses.
    let steps = [
      SemiGANModel.StepLosses(discriminator: 1, predictor: 2, generator: 3), .init(discriminator: 3, predictor: 4, generator: 5),
    ]
    #expect(SemiGANNAD.lossCurves(steps, window: 2).map(\.values) == [[2], [3], [4]])
    #expect(SemiGANNAD.lossCurves(steps, window: 0).isEmpty)
  }

  @Test func poolRankingGeneratesNothingAndTakesAnotherPath() throws {
    var ranking = Self.quick
    ranking.selection = .poolRanking
    #expect(try Self.reports(ranking, seed: 3, budget: 16).allSatisfy { $0 == nil })
    let entry = try F.entry("semigan-nad")
    let base = try MethodDriver(task: F.task, entry: entry, settings: Self.quick).run(seed: 2, budget: 20)
    let pool = try MethodDriver(task: F.task, entry: entry, settings: ranking).run(seed: 2, budget: 20)
    #expect(base.queried != pool.queried)
    #expect(base.queried.count == 20 && Set(base.queried).count == 20)
  }

  @Test func eachAblationChangesTheTrajectory() throws {
    let entry = try F.entry("semigan-nad")
    let base = try MethodDriver(task: F.task, entry: entry, settings: Self.quick).run(seed: 5, budget: 16)
    var noUnlabelled = Self.quick
    noUnlabelled.training.unlabelledShare = 0
    var noAdversary = Self.quick
    noAdversary.training.adversarialWeight = 0
    var noCycle = Self.quick
    noCycle.training.cycleWeight = 0
    for variant in [noUnlabelled, noAdversary, noCycle] {
      #expect(try MethodDriver(task: F.task, entry: entry, settings: variant).run(seed: 5, budget: 16).queried != base.queried)
    }
  }

  @Test func settingsThatCannotTrainAreRefusedByKey() throws {
    var heads = SemiGANNAD.Settings()
    heads.training.shape.heads = 5
    #expect(throws: MethodSettingsError.self) { try heads.validate() }
    var untrained = SemiGANNAD.Settings()
    untrained.training.adversarialWeight = 0
    untrained.training.cycleWeight = 0
    #expect(throws: MethodSettingsError.self) { try untrained.validate() }
    untrained.selection = .poolRanking
    try untrained.validate()
  }

  @Test func itsEntrySaysItIsAReconstruction() throws {
    let entry = try F.entry("semigan-nad")
    #expect(entry.abstract.contains("RECONSTRUCTION"))
    #expect(entry.reconstruction?.contains("docs/methods/semigan-nad.md") == true)
    #expect(entry.hasPredictor)
  }
}
