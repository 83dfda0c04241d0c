import Benchmarks
import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// Issue 8, defects 4, 5, 7, 8 and the messages of 11: suite input that `validate` used to
/// accept (then crash or fail at run time) or report at the wrong place.
@Suite struct SuiteInputDefectTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String
    var testDescription: String { name }
  }

  static let head = "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\n"

  static func message(_ yaml: String, preflight: SuitePreflight? = nil) -> String? {
    do {
      _ = try Fixtures.loader.load(yaml: yaml, file: "test.yaml", preflight: preflight)
      return nil
    } catch {
      return "\(error)"
    }
  }
}

// MARK: - Defect 4: sizes that crashed with "failed to allocate"

extension SuiteInputDefectTests {
  static let sizes: [Case] = [
    Case(
      name: "trials 10^12", yaml: "name: t\ntrials: 1000000000000\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n",
      expected: "test.yaml:2:9: trials: invalid value '1000000000000'; expected an integer in 1...10000"),
    Case(
      name: "bootstrapSamples 10^12", yaml: head + "methods:\n  - method: random-search\nreport: { bootstrapSamples: 1000000000000 }\n",
      expected: "test.yaml:7:29: report.bootstrapSamples: invalid value '1000000000000'; expected an integer in 100...100000"),
    Case(
      name: "secondsGridPoints 10^10", yaml: head + "methods:\n  - method: random-search\nreport: { secondsGridPoints: 10000000000 }\n",
      expected: "test.yaml:7:30: report.secondsGridPoints: invalid value '10000000000'; expected an integer in 2...10000"),
    Case(
      name: "a method's layer width", yaml: head + "methods:\n  - method: brp-nas\n    settings: { hiddenSize: 100000 }\n",
      expected: "test.yaml:7:29: methods[0].settings.hiddenSize: invalid value '100000' for 'hiddenSize'; expected an integer in 1...8192"),
    Case(
      name: "an MLP too large in all", yaml: head + "methods:\n  - method: weaknas\n    settings: { hiddenSizes: [8000, 8000, 8000] }\n",
      expected:
        "test.yaml:7:30: methods[0].settings.hiddenSizes: invalid value '3 layers of up to 8000' for 'hiddenSizes'; expected at most 100000000 hidden weights in all (these settings need 128000000)"
    ),
  ]

  @Test(arguments: sizes)
  func sizesThatWouldExhaustMemoryAreRefusedAtLoad(_ testCase: Case) {
    #expect(Self.message(testCase.yaml) == testCase.expected)
  }
}

// MARK: - Defect 5: non-finite settings

extension SuiteInputDefectTests {
  static let nonFinite: [(method: String, key: String)] = [
    ("weaknas", "learningRate"), ("weaknas", "l2"), ("bananas", "learningRate"), ("brp-nas", "targetScale"),
    ("brp-nas", "weightDecay"), ("brp-nas", "dropout"),
  ]

  @Test(arguments: nonFinite.map { "\($0.method) \($0.key)" })
  func nonFiniteSettingsAreRefusedWithTheirLine(_ item: String) throws {
    let parts = item.split(separator: " ").map(String.init)
    for value in [".inf", "-.inf", ".nan"] {
      let yaml = Self.head + "methods:\n  - method: \(parts[0])\n    settings:\n      \(parts[1]): \(value)\n"
      let message = try #require(Self.message(yaml))
      #expect(message.hasPrefix("test.yaml:8:\(parts[1].count + 9): methods[0].settings.\(parts[1]): invalid value '"), "\(message)")
    }
  }

  @Test func nonFiniteSecondsBudgetIsRefused() {
    let yaml = "name: t\ntrials: 2\nbudget: { seconds: .inf }\ntasks: [tiny]\nmethods:\n  - method: random-search\n"
    #expect(Self.message(yaml) == "test.yaml:3:20: budget.seconds: invalid value 'inf'; expected a number in (0, 1000000000000]")
  }
}

// MARK: - Defect 7: YAML errors at their true place, with a bounded excerpt

extension SuiteInputDefectTests {
  static let syntax: [Case] = [
    Case(
      name: "duplicate key", yaml: head + "methods:\n  - method: random-search\ntrials: 3\n",
      expected: "test.yaml:7:1: not valid YAML: duplicate key 'trials' (first at line 2); each key may appear once in a mapping (line 7: 'trials: 3')"
    ),
    Case(
      name: "duplicate key in a flow mapping", yaml: head + "methods:\n  - method: weaknas\n    settings: { topK: 20, topK: 30 }\n",
      expected:
        "test.yaml:7:27: not valid YAML: duplicate key 'topK' (first at line 7); each key may appear once in a mapping (line 7: 'settings: { topK: 20, topK: 30 }')"
    ),
    Case(
      name: "NUL byte", yaml: "name: t\ntrials: 2\u{0}\n",
      expected: "test.yaml:2:10: not valid YAML: control character U+0000 is not allowed in YAML (line 2: 'trials: 2')"),
    Case(
      name: "second document", yaml: head + "methods:\n  - method: random-search\n---\nname: u\n",
      expected: "test.yaml:7:1: not valid YAML: a second document ('---'); a suite is one document (line 7: '---')"),
    Case(
      name: "undefined alias", yaml: head + "methods:\n  - method: random-search\n    settings: *small\n",
      expected: "test.yaml:7:15: not valid YAML: an alias ('*name') with no anchor ('&name') before it (line 7: 'settings: *small')"),
  ]

  @Test(arguments: syntax)
  func yamlErrorsAreReportedAtTheirLine(_ testCase: Case) {
    #expect(Self.message(testCase.yaml) == testCase.expected)
  }

  @Test func aDuplicateKeyInAHugeSuiteGivesAShortMessage() throws {
    let filler = String(repeating: "# \(String(repeating: "x", count: 97))\n", count: 9_000)
    let yaml = Self.head + "methods:\n  - method: random-search\n" + filler + "trials: 3\n"
    let message = try #require(Self.message(yaml))
    #expect(message.hasPrefix("test.yaml:9007:1: not valid YAML: duplicate key 'trials' (first at line 2)"))
    #expect(message.count < 300)
  }

  @Test(arguments: ["", "a\\\"", "'x' "])
  func deepFlowNestingIsRefusedBeforeParsing(_ prefix: String) throws {
    let yaml = Self.head + "methods:\n  - method: random-search\nreport: [\(prefix)" + String(repeating: "[", count: 500_000) + "\n"
    let message = try #require(Self.message(yaml))
    #expect(message.hasPrefix("test.yaml:7:"), "\(message.prefix(200))")
    #expect(message.count < 300)
  }

  @Test func aHugeSuiteFileIsRefusedFromItsFirstMegabyte() throws {
    let path = NSTemporaryDirectory() + "nasarena-huge-\(UUID().uuidString).yaml"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try (Self.head + String(repeating: "# \(String(repeating: "x", count: 97))\n", count: 40_000)).write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: SuiteError.self) { try Fixtures.loader.load(path: path) }
    do {
      _ = try Fixtures.loader.load(path: path)
    } catch {
      #expect("\(error)".hasPrefix("\(path):10490:21: not valid YAML: the suite is 4000056 bytes; at most 1048576 are read"), "\(error)")
    }
  }

  @Test func aSuiteOverTheSizeLimitIsRefusedWithoutParsing() throws {
    let yaml = Self.head + String(repeating: "# \(String(repeating: "x", count: 97))\n", count: 11_000)
    let message = try #require(Self.message(yaml))
    #expect(message.hasPrefix("test.yaml:10490:"))
    #expect(message.contains("at most 1048576 are read"))
    #expect(message.count < 300)
  }
}

// MARK: - Defect 8: what `run` rejected, `validate` now rejects too

extension SuiteInputDefectTests {
  /// The tiny tasks without a cost column (like TransNAS and NAS-Bench-Graph).
  struct CostlessSource: TaskSource {
    let base = TinyTaskSource()
    var taskNames: [String] { base.taskNames }

    func task(named name: String) throws -> BenchmarkTask {
      let task = try base.task(named: name)
      return BenchmarkTask(
        name: task.name, benchmark: task.benchmark, dataset: task.dataset, signal: task.signal, report: task.report, cost: nil,
        domain: task.domain, caveat: task.caveat)
    }

    func dataChecksums(for taskNames: [String]) throws -> [String: String] { try base.dataChecksums(for: taskNames) }
  }

  @Test func aSecondsBudgetOnTasksWithoutCostIsRefusedAtItsLine() {
    let yaml = "name: t\ntrials: 2\nbudget: { seconds: 100 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n"
    #expect(Self.message(yaml, preflight: SuitePreflight(source: Fixtures.source)) == nil)
    #expect(
      Self.message(yaml, preflight: SuitePreflight(source: CostlessSource()))
        == "test.yaml:3:20: budget.seconds: task 'tiny' has no cost column, so a 'seconds' budget cannot be spent on it; use 'queries: N' or drop the task"
    )
  }

  @Test func anEncodingTheTaskLacksIsRefusedAtItsLine() {
    let yaml = Self.head + "methods:\n  - method: random-search\n  - method: weaknas\n    settings: { encoding: path, topK: 20 }\n"
    #expect(Self.message(yaml) == nil)
    #expect(
      Self.message(yaml, preflight: SuitePreflight(source: Fixtures.source))
        == "test.yaml:8:27: methods[1].settings.encoding: invalid value 'path' for 'encoding'; expected an encoding that tiny-4x4 provides (one-hot) (on task 'tiny')"
    )
  }

  @Test func anUnavailableBackendIsRefusedAtItsLine() {
    let yaml = Self.head + "methods:\n  - method: random-search\nmatmul: openblas\n"
    let preflight = SuitePreflight(source: Fixtures.source, backendProblem: { $0 == "openblas" ? "no libopenblas found" : nil })
    #expect(Self.message(yaml, preflight: preflight) == "test.yaml:7:9: matmul: 'openblas' cannot be used here: no libopenblas found")
    #expect(Self.message(Self.head + "methods:\n  - method: random-search\nmatmul: portable\n", preflight: preflight) == nil)
  }

  @Test func aNameTooLongForARunFolderIsRefused() {
    let yaml = "name: \(String(repeating: "a", count: 300))\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n"
    #expect(Self.message(yaml) == "test.yaml:1:7: name: a name of 300 characters; expected at most 200 (run folders are named after it)")
  }
}

// MARK: - Defect 11 (messages): no type names, enums list their values

extension SuiteInputDefectTests {
  static let messages: [Case] = [
    Case(
      name: "a mapping where a list of tasks belongs",
      yaml: "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: { a: 1 }\nmethods:\n  - method: random-search\n",
      expected: "test.yaml:4:8: tasks: a list or mapping; expected a list of task names or task declarations"),
    Case(
      name: "a list where a mapping belongs", yaml: head + "methods:\n  - method: random-search\nreport: [1, 2]\n",
      expected: "test.yaml:7:9: report: a list; expected a mapping of keys to values"),
    Case(
      name: "an unknown encoding", yaml: head + "methods:\n  - method: weaknas\n    settings: { encoding: zigzag }\n",
      expected: "test.yaml:7:27: methods[0].settings.encoding: invalid value 'zigzag' for 'encoding'; expected one of one-hot, path"),
    Case(
      name: "an unknown band", yaml: head + "methods:\n  - method: random-search\nreport: { band: stder }\n",
      expected: "test.yaml:7:17: report.band: invalid value 'stder' (did you mean 'stderr'?); expected one of stderr, std"),
    Case(
      name: "a mapping where a setting value belongs", yaml: head + "methods:\n  - method: local-search\n    settings: { variant: { a: 1 } }\n",
      expected:
        "test.yaml:7:26: methods[0].settings.variant: 'variant' is not of the right shape; expected one of first-improvement, best-improvement"),
  ]

  @Test(arguments: messages)
  func messagesNameValuesNotTypes(_ testCase: Case) {
    let message = Self.message(testCase.yaml)
    #expect(message == testCase.expected)
    #expect(message?.contains("type") == false)
  }
}
