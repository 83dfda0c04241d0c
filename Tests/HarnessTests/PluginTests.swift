import ExternalMethods
import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// `method: external`: real `python3` processes over the plugin protocol (docs/PLUGINS.md).
@Suite struct PluginTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Plugins/fixture_plugin.py").path
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static func suite(_ modes: [String], task: String = "tiny", trials: Int = 2, queries: Int = 30, settings: String = "{}") -> String {
    let plugins = modes.map { mode in
      """
        - method: external
          label: \(mode)
          command: [python3, "\(fixture)", \(mode)]
          options: {mode: \(mode), list: [1, "12", null], nested: {yes: true}}
          settings: \(settings)
      """
    }
    return """
      name: plugins
      seed: 11
      trials: \(trials)
      budget: { queries: \(queries) }
      tasks: [\(task)]
      methods:
        - method: random-search
      \(plugins.joined(separator: "\n"))
      report: { checkpoints: [10] }
      """
  }

  static func trials(_ folder: RunFolder) throws -> [TrialRecord] {
    try RunLog.read(path: folder.logFile).compactMap { if case .trial(let record) = $0 { record } else { nil } }
  }

  @Test func aWorkingPluginRunsUnderTheProtocolAndIsDeterministic() async throws {
    let suite = try Fixtures.suite(Self.suite(["works"]))
    let first = try await Fixtures.run(suite)
    let records = try Self.trials(first).filter { $0.method == "works" }
    #expect(records.count == 2)
    #expect(records.allSatisfy { $0.status == .completed && $0.queries == 30 && $0.message == nil })
    let entries = try RunLog.read(path: first.logFile)
    let queries = entries.compactMap { if case .query(let q) = $0, q.method == "works" { q } else { nil } }
    #expect(queries.count == 60)
    #expect(Set(queries.filter { $0.trial == 0 }.map(\.poolIndex)).count == 30)
    let recommendations = entries.compactMap { if case .recommendation(let r) = $0, r.method == "works" { r } else { nil } }
    #expect(!recommendations.isEmpty)
    // The plugin's stderr went to the run folder.
    let stderr = try String(contentsOfFile: first.path + "/plugins/works/tiny-trial-1.stderr", encoding: .utf8)
    #expect(stderr.contains("got hello for trial 1"))
    // Same suite, same seed: the same log (the plugin seeds itself from hello's seed).
    let second = try await Fixtures.run(suite, workers: 1)
    #expect(try Fixtures.canonicalLog(first) == Fixtures.canonicalLog(second))
  }

  @Test(arguments: [
    (
      "crash", "step 2 (ask): the plugin closed its stdout before answering 'proposals' (exit status 1)",
      "RuntimeError: the fixture crashes at step 2"
    ),
    ("hang", "step 0 (ask): no answer within the stepTimeout of 1 s; the plugin was stopped", "got hello"),
    ("garbage", "step 0 (ask): a line that is not JSON: 'this is not json'", "got hello"),
    ("badtoken", "step 0 (ask): proposal 0: 'tokens' must be 4 integers", "got hello"),
    ("quiet", "hello: the plugin closed its stdout before answering 'ready' (exit status 0)", "got hello"),
  ])
  func aBrokenPluginFailsItsTrialWithTheReasonAndTheSuiteGoesOn(mode: String, problem: String, stderr: String) async throws {
    let suite = try Fixtures.suite(Self.suite([mode], settings: "{stepTimeout: 1, stderrTail: 5}"))
    let folder = Fixtures.temporaryFolder()
    let summary = try await SuiteRunner.start(suite, source: Fixtures.source, folder: folder, options: RunOptions(workers: 2))
    #expect(summary.failures.count == 2)
    let records = try Self.trials(folder)
    #expect(records.filter { $0.method == "random-search" }.allSatisfy { $0.status == .completed })
    for record in records where record.method == mode {
      #expect(record.status == .failed)
      let message = record.message ?? ""
      #expect(message.contains("plugin \(problem)"), "\(message)")
      #expect(message.contains(stderr), "\(message)")
      #expect(message.contains("plugins/\(mode)/tiny-trial-\(record.trial).stderr"))
    }
  }

  @Test func theTrialTimeoutStopsAPluginThatAnswersEachStepInTime() async throws {
    // The trial's deadline starts before hello, so it passes before the first ask's own.
    let folder = try await Fixtures.run(try Fixtures.suite(Self.suite(["hang"], trials: 1, settings: "{stepTimeout: 1, trialTimeout: 1}")))
    let record = try #require(try Self.trials(folder).first { $0.method == "hang" })
    #expect(record.status == .failed)
    #expect(
      record.message?.contains("plugin step 0 (ask): the trial passed its trialTimeout of 1 s; the plugin was stopped") == true,
      "\(record.message ?? "")")
  }

  @Test func aPluginThatCannotStartFailsItsTrials() async throws {
    let yaml = Self.suite(["works"]).replacingOccurrences(of: "[python3, \"\(Self.fixture)\", works]", with: "[no-such-program-nasarena]")
    let folder = Fixtures.temporaryFolder()
    let summary = try await SuiteRunner.start(try Fixtures.suite(yaml), source: Fixtures.source, folder: folder, options: RunOptions())
    #expect(summary.failures.count == 2)
    #expect(summary.failures.allSatisfy { $0.contains("cannot start 'no-such-program-nasarena': no such program") })
  }

  @Test func refusalsReachThePluginAndAStuckPluginFailsByTheStallRule() async throws {
    // tiny-subset labels every third architecture; the plugin proposes only unlabelled ones.
    let suite = try Fixtures.suite(Self.suite(["outside"], task: "tiny-subset", trials: 1))
    let folder = try await Fixtures.run(suite)
    let record = try #require(try Self.trials(folder).first { $0.method == "outside" })
    #expect(record.status == .failed)
    #expect(record.message == "no new query in 1000 consecutive steps")
    #expect(record.queries == 0)
    #expect(record.refusedOutsideDomain == 1000)
  }

  @Test func anInterruptedPluginTrialIsReplayedToTheUninterruptedLog() async throws {
    let suite = try Fixtures.suite(Self.suite(["works"], trials: 3, queries: 40))
    let expected = try Fixtures.canonicalLog(try await Fixtures.run(suite))
    let folder = try await Fixtures.run(suite)
    let data = try #require(FileManager.default.contents(atPath: folder.logFile))
    try data.prefix(data.count / 2 + 5).write(to: URL(fileURLWithPath: folder.logFile))
    let summary = try await SuiteRunner.resume(folder: folder, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions())
    #expect(summary.trialsSkipped > 0)
    #expect(try Fixtures.canonicalLog(folder) == expected)
  }

  @Test func shardsOfAPluginSuiteMergeIntoTheUnshardedRun() async throws {
    let suite = try Fixtures.suite(Self.suite(["works"], trials: 3))
    let whole = try Fixtures.canonicalLog(try await Fixtures.run(suite))
    var shards: [RunFolder] = []
    for index in 0..<2 { shards.append(try await Fixtures.run(suite, workers: 1, shard: try Shard(parsing: "\(index)/2"))) }
    let merged = Fixtures.temporaryFolder("merged")
    try RunMerger.merge(shards, into: merged)
    #expect(try RunLog.read(path: merged.logFile).map(RunLog.deterministicLine) == whole)
  }

  @Test func pluginEntriesAreCheckedAndTheirOptionsSurviveTheResolvedSuite() throws {
    let suite = try Fixtures.suite(Self.suite(["works"]))
    let spec = try #require(suite.methods.last)
    #expect(spec.entry.name == "external")
    let reloaded = try Fixtures.loader.load(yaml: try suite.resolvedYAML(), file: "suite.yaml")
    #expect(reloaded.methods.last?.launch == spec.launch)
    #expect(try reloaded.resolvedHash() == suite.resolvedHash())
    // Options pass through as JSON values: the quoted "12" stays a string, null stays null.
    #expect(spec.launch?.options["list"] == .array([.integer(1), .string("12"), .null]))
    #expect(reloaded.methods.last?.launch?.options["nested"] == .object(["yes": .bool(true)]))

    let header = "name: s\ntrials: 1\nbudget: {queries: 5}\ntasks: [tiny]\nreport: {checkpoints: [5]}\nmethods:\n"
    let cases: [(String, String)] = [
      ("  - {method: external, command: [python3, x.py]}", "a plugin needs a label"),
      ("  - {method: external, label: p}", "missing key 'command'"),
      ("  - {method: external, label: p, command: []}", "an empty command"),
      ("  - {method: external, label: p, command: python3}", "a list of strings"),
      ("  - {method: random-search, command: [python3, x.py]}", "'command' belongs to 'method: external'"),
      ("  - {method: external, label: p, command: [x], settings: {stepTimeout: 10, trialTimeout: 5}}", "at least stepTimeout"),
      ("  - {method: external, label: p, command: [x], settings: {encoding: adjacency}}", "one of none, one-hot, path"),
      ("  - {method: externl, label: p, command: [x]}", "did you mean 'external'"),
    ]
    for (method, expected) in cases {
      do {
        _ = try Fixtures.suite(header + method)
        Issue.record("accepted: \(method)")
      } catch {
        #expect("\(error)".contains(expected), "\(method): \(error)")
      }
    }
  }

  @Test func theExamplePluginsRunUnderTheHarness() async throws {
    let yaml = """
      name: example-plugins
      seed: 5
      trials: 2
      budget: { queries: 40 }
      tasks: [tiny, tiny-subset]
      methods:
        - method: random-search
        - method: external
          label: py-random-search
          command: [python3, "\(Self.repository)/plugins/random_search.py"]
        - method: external
          label: py-regularized-evolution
          command: [python3, "\(Self.repository)/plugins/regularized_evolution.py"]
          options: { population: 10, sample: 3 }
        - method: external
          label: py-mlp-predictor
          command: [python3, "\(Self.repository)/plugins/mlp_predictor.py"]
          options: { initial: 10, batch: 10, epochs: 50, ensemble: 2 }
          settings: { encoding: one-hot }
      report: { checkpoints: [10, 40] }
      """
    let suite = try Fixtures.suite(yaml)
    let first = try await Fixtures.run(suite)
    let records = try Self.trials(first)
    #expect(records.count == 16)
    for record in records {
      #expect(record.status == .completed, "\(record.cell): \(record.message ?? "")")
      #expect(record.queries == 40)
    }
    let queries = try RunLog.read(path: first.logFile).compactMap { if case .query(let q) = $0 { q } else { nil } }
    // The Python random search reads the shared initial design first, like the built-in one.
    for task in ["tiny", "tiny-subset"] {
      let builtIn = queries.filter { $0.task == task && $0.trial == 0 && $0.method == "random-search" }.prefix(10).map(\.poolIndex)
      let plugin = queries.filter { $0.task == task && $0.trial == 0 && $0.method == "py-random-search" }.prefix(10).map(\.poolIndex)
      #expect(Array(builtIn) == Array(plugin))
    }
    let second = try await Fixtures.run(suite, workers: 1)
    #expect(try Fixtures.canonicalLog(first) == Fixtures.canonicalLog(second))
  }

  @Test func thePythonPackagesOwnTestsPass() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "unittest", "discover", "-s", "python/tests"]
    process.currentDirectoryURL = URL(fileURLWithPath: Self.repository)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text.suffix(3000))")
    #expect(text.contains("OK"))
  }
}
