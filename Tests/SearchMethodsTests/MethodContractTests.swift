import Benchmarks
import Randomness
import SearchMethods
import TestSupport
import Testing

/// The four contract checks of STYLE.md section 6, over every built-in method.
@Suite struct MethodContractTests {
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! TinyTaskSource(positions: 4, operations: 4).task(named: "tiny")
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let subset = try! TinyTaskSource(positions: 4, operations: 4).task(named: "tiny-subset")
  static let names = MethodRegistry.builtIn.map(\.name)

  static func entry(_ name: String) throws -> MethodEntry {
    try #require(MethodRegistry.builtIn.first { $0.name == name })
  }

  /// Each method's declared quick settings (small models, few epochs), so the contract checks
  /// stay fast; the checks are about the protocol, not about predictor quality.
  static func driver(_ name: String, task: BenchmarkTask = task) throws -> MethodDriver {
    let entry = try entry(name)
    return MethodDriver(task: task, entry: entry, settings: entry.quickSettings)
  }

  @Test(arguments: names)
  func sameSeedReproducesTrajectory(_ name: String) throws {
    let driver = try Self.driver(name)
    #expect(try driver.run(seed: 11, budget: 60) == driver.run(seed: 11, budget: 60))
  }

  @Test(arguments: names)
  func differentSeedGivesDifferentTrajectory(_ name: String) throws {
    let driver = try Self.driver(name)
    #expect(try driver.run(seed: 11, budget: 60).queried != driver.run(seed: 12, budget: 60).queried)
  }

  @Test(arguments: names)
  func proposalsStayInsideTheSpaceAndQueriesAreUnique(_ name: String) throws {
    for task in [Self.task, Self.subset] {
      let trace = try Self.driver(name, task: task).run(seed: 5, budget: 50)
      #expect(trace.proposed.allSatisfy { $0 >= 0 && $0 < task.domain.space.poolSize })
      #expect(trace.queried.allSatisfy { task.domain.contains($0) })
      #expect(Set(trace.queried).count == trace.queried.count)
      #expect(trace.queried.count == 50)
    }
  }

  @Test(arguments: names)
  func exhaustingTheDomainEndsCleanly(_ name: String) throws {
    let trace = try Self.driver(name, task: Self.subset).run(seed: 3, budget: 10_000)
    #expect(Set(trace.queried).count == trace.queried.count)
    #expect(trace.queried.count <= Self.subset.domain.count)
    #expect(trace.stoppedByItself || trace.queried.count == Self.subset.domain.count)
  }
}
