import Foundation
import Harness
import Results
import TestSupport
import Testing

/// What `run --resume` refuses, and labels that must survive the resolved suite.
@Suite struct ResumeIntegrityTests {
  static let suite = """
    name: tiny-resume
    seed: 11
    trials: 3
    budget: { queries: 20 }
    tasks: [tiny]
    methods:
      - method: random-search
        label: 'null'
      - method: random-search
        label: '~'
      - method: local-search
        label: 'yes'
    report: { checkpoints: [10, 20] }
    """

  // MARK: - Defect 2: labels YAML reads as null

  @Test(arguments: ["null", "Null", "NULL", "~", "yes", "off", "123", "0x1F", "a: b", "- x", "#c", "'q'"])
  func everyLabelRoundTripsThroughTheResolvedSuite(label: String) throws {
    let escaped = label.replacingOccurrences(of: "'", with: "''")
    let suite = try Fixtures.suite(
      "name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n    label: '\(escaped)'\n")
    #expect(suite.methodLabels == [label])
    let reloaded = try Fixtures.loader.load(yaml: try suite.resolvedYAML(), file: "suite.yaml")
    #expect(reloaded.methodLabels == [label])
    #expect(try reloaded.resolvedHash() == suite.resolvedHash())
  }

  @Test func resolvedStringsAreQuotedAndTheHashIgnoresTheQuoting() throws {
    let suite = try Fixtures.suite(Self.suite)
    let yaml = try suite.resolvedYAML()
    #expect(yaml.contains("label: \"null\"\n") && yaml.contains("label: \"~\"\n") && yaml.contains("name: \"tiny-resume\"\n"))
    #expect(yaml.contains("trials: 3\n"), "numbers stay plain")
  }

  @Test func theHashIsTheOneRecordedBeforeStringsWereQuoted() throws {
    let loader = SuiteLoader(taskNames: CatalogTaskSource.knownTaskNames)
    let suite = try loader.load(
      yaml: """
        name: big-log
        seed: 1
        trials: 400
        budget: { queries: 1000 }
        tasks: [nb201-cifar10, nb201-cifar100, nb201-imagenet16-120]
        methods:
          - method: random-search
        workers: 1
        report: { checkpoints: [100, 1000] }
        """, file: "big.yaml")
    // The manifest hash written for this suite by the code before quoting (commit 0dbaebd):
    // folders run then still resume.
    #expect(try suite.resolvedHash() == "b55426c8ded48ab3")
  }

  @Test(arguments: ["''", "' '", "\"\""])
  func anEmptyLabelIsRefusedWhereItIs(label: String) {
    #expect {
      try Fixtures.suite("name: t\ntrials: 2\nbudget: { queries: 10 }\ntasks: [tiny]\nmethods:\n  - method: random-search\n    label: \(label)\n")
    } throws: { error in
      "\(error)"
        == "test.yaml:7:12: methods[0].label: empty label; expected a non-empty name for the method in logs and reports (or no 'label:' to use 'random-search')"
    }
  }

  @Test func resumingAFinishedRunWithNullLikeLabelsAddsNothing() async throws {
    let folder = try await Fixtures.run(try Fixtures.suite(Self.suite))
    let before = try Fixtures.canonicalLog(folder)
    let summary = try await SuiteRunner.resume(folder: folder, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions())
    #expect(summary.trialsRun == 0 && summary.trialsSkipped == 9)
    #expect(try Fixtures.canonicalLog(folder) == before)
  }

  // MARK: - Defect 3: resume only what was started

  @Test func resumeRefusesAnEditedSuiteAndNamesEachChange() async throws {
    let folder = try await Fixtures.run(try Fixtures.suite(Self.suite))
    let text = try String(contentsOfFile: folder.suiteFile, encoding: .utf8)
    try text.replacingOccurrences(of: "queries: 20", with: "queries: 15").replacingOccurrences(of: "label: \"~\"", with: "label: \"tilde\"")
      .write(toFile: folder.suiteFile, atomically: true, encoding: .utf8)
    await #expect(
      throws: RunError.editedSuite(
        file: folder.suiteFile,
        differences: [
          "budget.queries: '20' when the run started, '15' now", "methods[1].label: '~' when the run started, 'tilde' now",
        ])
    ) {
      _ = try await SuiteRunner.resume(folder: folder, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions())
    }
  }

  @Test func resumeRefusesLinesOfTrialsOutsideTheSuite() async throws {
    let folder = try await Fixtures.run(try Fixtures.suite(Self.suite))
    let stray = LogEntry.query(
      QueryRecord(
        task: "tiny", method: "ghost", trial: 0, query: 1, poolIndex: 0, key: "k", signal: 1, report: 1, cost: 0, cumulativeCost: 0,
        batch: 0, methodSeconds: 0, initial: true))
    let handle = try #require(FileHandle(forWritingAtPath: folder.logFile))
    handle.seekToEndOfFile()
    handle.write(Data(try RunLog.line(for: stray, encoder: RunLog.makeEncoder())))
    handle.closeFile()
    await #expect(throws: RunError.foreignTrial(file: folder.logFile, cell: "tiny/ghost/0")) {
      _ = try await SuiteRunner.resume(folder: folder, loader: Fixtures.loader, source: Fixtures.source, options: RunOptions())
    }
  }

  // MARK: - Defect 9: harness I/O errors stop the run

  @Test func aLogWriteFailureStopsTheRunInsteadOfFailingTrials() async throws {
    let folder = Fixtures.temporaryFolder("unwritable")
    try folder.create()
    try FileManager.default.createSymbolicLink(atPath: folder.logFile, withDestinationPath: "/dev/full")
    await #expect(throws: ResultStoreError.self) {
      _ = try await SuiteRunner.start(try Fixtures.suite(Self.suite), source: Fixtures.source, folder: folder, options: RunOptions(workers: 1))
    }
  }
}
