import Harness
import SearchMethods
import Testing

@Suite struct SuiteLoaderTests {
  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String
    var testDescription: String { name }
  }

  static let base = """
    name: t
    trials: 2
    budget: { queries: 10 }
    tasks: [tiny]
    methods:
      - method: random-search
    """

  static let cases: [ErrorCase] = [
    ErrorCase(
      name: "bad type", yaml: "name: t\ntrials: many\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n",
      expected: "test.yaml:2:9: trials: invalid value 'many'; expected an integer in 1...10000"),
    ErrorCase(
      name: "unknown top-level key",
      yaml: base + "\ntrails: 3\n",
      expected:
        "test.yaml:7:1: trails: unknown key 'trails' (did you mean 'trials'?); allowed: name, seed, trials, budget, duplicates, tasks, methods, workers, matmul, report, predictorQuality, reproduce"
    ),
    ErrorCase(
      name: "unknown method",
      yaml: "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: regularised-evolution\n",
      expected: "test.yaml:6:13: methods[0].method: unknown method 'regularised-evolution' (did you mean 'regularized-evolution'?); known: "
        + (MethodRegistry.builtIn.map(\.name) + ["external"]).joined(separator: ", ")),
    ErrorCase(
      name: "unknown setting",
      yaml:
        "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: regularized-evolution\n    settings:\n      populaton: 5\n",
      expected:
        "test.yaml:8:7: methods[0].settings.populaton: unknown key 'populaton' (did you mean 'populationSize'?); allowed: populationSize, sampleSize, initialSize, mutationAttempts"
    ),
    ErrorCase(
      name: "invalid setting value",
      yaml:
        "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: regularized-evolution\n    settings: { populationSize: 5, sampleSize: 9 }\n",
      expected: "test.yaml:7:48: methods[0].settings.sampleSize: invalid value '9' for 'sampleSize'; expected an integer in 1...populationSize (5)"),
    ErrorCase(
      name: "unknown task",
      yaml: "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny, tinny-subset]\nmethods:\n  - method: random-search\n",
      expected:
        "test.yaml:4:15: tasks[1]: unknown task 'tinny-subset' (did you mean 'tiny-subset'?); known: tiny, tiny-subset, or declare one (name, benchmark, signal, report, cost)"
    ),
    ErrorCase(
      name: "missing key",
      yaml: "name: t\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n",
      expected: "test.yaml:1:1: missing key 'trials'; expected an integer in 1...10000"),
    ErrorCase(
      name: "two budgets",
      yaml: "name: t\ntrials: 2\nbudget: { queries: 10, seconds: 5 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n",
      expected: "test.yaml:3:9: budget: expected exactly one of 'queries: N' or 'seconds: T'"),
    ErrorCase(
      name: "YAML syntax",
      yaml: "name: t\ntrials: [2\n",
      expected: "test.yaml:3:1: not valid YAML: did not find expected ',' or ']'"),
  ]

  @Test(arguments: cases)
  func malformedSuiteNamesLineColumnAndKey(_ testCase: ErrorCase) {
    #expect(throws: SuiteError.self) { try Fixtures.suite(testCase.yaml) }
    do {
      _ = try Fixtures.suite(testCase.yaml)
    } catch {
      #expect("\(error)" == testCase.expected)
    }
  }

  @Test func defaultsAreFilledAndResolvedSuiteRoundTrips() throws {
    let suite = try Fixtures.suite(Self.base)
    #expect(suite.seed == 0)
    #expect(suite.duplicates == .free)
    #expect(suite.workers == 0)
    let resolved = try suite.resolvedYAML()
    #expect(resolved.contains("batchSize: 10"))
    let again = try Fixtures.suite(resolved)
    #expect(try again.resolvedHash() == suite.resolvedHash())
    #expect(try again.resolvedYAML() == resolved)
  }

  @Test func hashIgnoresWorkersButNotSettings() throws {
    let a = try Fixtures.suite(Self.base)
    let b = try Fixtures.suite(Self.base + "\nworkers: 3\n")
    let c = try Fixtures.suite(Self.base.replacingOccurrences(of: "trials: 2", with: "trials: 3"))
    #expect(try a.resolvedHash() == b.resolvedHash())
    #expect(try a.resolvedHash() != c.resolvedHash())
  }
}
