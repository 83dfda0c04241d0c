import Benchmarks
import SearchMethods
import TestSupport

/// Small settings and a comparison with random search, shared by the predictor-method tests.
enum PredictorMethodFixtures {
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! TinyTaskSource(positions: 4, operations: 4).task(named: "tiny")

  static func entry(_ name: String) throws -> MethodEntry {
    guard let entry = MethodRegistry.builtIn.first(where: { $0.name == name }) else { throw FixtureError(name: name) }
    return entry
  }

  static var weakNAS: WeakNAS.Settings {
    var settings = WeakNAS.Settings()
    settings.model.hiddenSizes = [64, 64]
    settings.topK = 20
    settings.initialSize = 10
    return settings
  }

  static var bananas: BANANAS.Settings {
    var settings = BANANAS.Settings()
    settings.model.epochs = 40
    settings.hiddenLayers = 3
    return settings
  }

  static var brpNAS: BRPNAS.Settings {
    var settings = BRPNAS.Settings()
    settings.roundSize = 10
    settings.exploitCount = 5
    settings.training.layers = 2
    settings.training.hiddenSize = 32
    settings.training.dropout = 0
    settings.training.learningRate = 3e-3
    settings.training.epochs = 60
    return settings
  }

  /// Mean over `seeds` of the best signal after `budget` queries.
  static func meanBest(_ name: String, settings: (any MethodSettings)? = nil, budget: Int, seeds: Range<UInt64>) throws -> Double {
    let driver = MethodDriver(task: task, entry: try entry(name), settings: settings)
    var total = 0.0
    for seed in seeds {
      let trace = try driver.run(seed: seed, budget: budget)
      total += trace.queried.map { task.signal[$0] }.max() ?? 0
    }
    return total / Double(seeds.count)
  }

  struct FixtureError: Error { let name: String }
}
