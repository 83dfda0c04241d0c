import Foundation
import Results
import Testing

/// Real `nasarena` processes attacking one run folder: concurrent writers, edited suites,
/// edited logs, reports of folders without a log. Each test reproduces a defect of issue 8.
@Suite(.serialized) struct RunFolderIntegrityTests {
  /// A fresh folder with a suite file; the kill-test suite's uninterrupted run is shared
  /// (`KillAndResumeTests.reference`), so only tests that need a run of their own make one.
  struct Workspace {
    let base: String
    let suiteFile: String

    init(_ name: String, suite: String = KillAndResumeTests.suite) throws {
      base = KillAndResumeTests.temporaryPath(name)
      try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
      suiteFile = base + "/suite.yaml"
      try suite.write(toFile: suiteFile, atomically: true, encoding: .utf8)
    }

    /// Runs the suite uninterrupted into `folder` and returns its canonical log.
    func referenceLog(_ folder: String = "reference") throws -> [String] {
      let output = try CommandLineTool.run(["run", suiteFile, "--output", base + "/" + folder, "--quiet", "--no-report"])
      #expect(output.status == 0, "\(output.standardError)")
      return try KillAndResumeTests.canonical(base + "/" + folder)
    }

    /// A copy of the shared uninterrupted run of the kill-test suite at `folder`, to edit.
    func copyOfTheReference(_ folder: String = "reference") throws -> RunFolder {
      let copy = RunFolder(path: base + "/" + folder)
      try FileManager.default.copyItem(atPath: try KillAndResumeTests.reference.get().folder, toPath: copy.path)
      return copy
    }

    /// Starts a run into `folder` and kills it once its log holds `fraction` of `fullSize` bytes.
    func interruptedRun(_ folder: String, fraction: Double, fullSize: Int) throws {
      let log = RunFolder(path: folder).logFile
      let (process, _, _) = try CommandLineTool.start(["run", suiteFile, "--output", folder, "--quiet", "--no-report"])
      while process.isRunning, Self.size(of: log) < Int(Double(fullSize) * fraction) { usleep(200) }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal, "the run finished before it was killed")
    }

    static func size(of path: String) -> Int {
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
  }

  /// The kill-test suite cut to 2 trials per method (6 trials of 200 queries), for tests that
  /// need a finished run of their own to edit but not a long one: a refusal found at the end
  /// of the log costs a read of the whole log per command.
  static let shortSuite = KillAndResumeTests.suite.replacingOccurrences(of: "trials: 30", with: "trials: 2")

  /// Of two outputs, the one refused as a second writer; the other must have succeeded.
  static func refusedOne(_ a: CommandLineTool.Output, _ b: CommandLineTool.Output) -> CommandLineTool.Output? {
    switch (a.status, b.status) {
    case (0, 75): b
    case (75, 0): a
    default: nil
    }
  }

  // MARK: - Defect 1: one writer per run folder

  @Test func twoRunsOnOneOutputLetOnlyOneWrite() throws {
    let workspace = try Workspace("concurrent-run")
    let expected = try KillAndResumeTests.reference.get().lines
    let folder = workspace.base + "/shared"
    let first = try CommandLineTool.start(["run", workspace.suiteFile, "--output", folder, "--quiet", "--no-report"])
    let second = try CommandLineTool.start(["run", workspace.suiteFile, "--output", folder, "--quiet", "--no-report"])
    let outputs = (CommandLineTool.finish(first.0, first.1, first.2), CommandLineTool.finish(second.0, second.1, second.2))
    let refused = try #require(Self.refusedOne(outputs.0, outputs.1), "exit codes \(outputs.0.status), \(outputs.1.status)")
    #expect(refused.standardError.contains("the run folder is in use by another nasarena process (pid "))
    #expect(refused.standardError.contains(", nasarena run, started 20"))
    #expect(try KillAndResumeTests.canonical(folder) == expected)
  }

  @Test func twoResumesOfOneFolderLetOnlyOneWrite() throws {
    let workspace = try Workspace("concurrent-resume")
    let reference = try KillAndResumeTests.reference.get()
    let expected = reference.lines
    let folder = workspace.base + "/interrupted"
    try workspace.interruptedRun(folder, fraction: 0.3, fullSize: reference.logSize)
    let first = try CommandLineTool.start(["run", "--resume", folder, "--quiet", "--no-report"])
    let second = try CommandLineTool.start(["run", "--resume", folder, "--quiet", "--no-report"])
    let outputs = (CommandLineTool.finish(first.0, first.1, first.2), CommandLineTool.finish(second.0, second.1, second.2))
    let refused = try #require(Self.refusedOne(outputs.0, outputs.1), "exit codes \(outputs.0.status), \(outputs.1.status)")
    #expect(refused.standardError.contains(", nasarena run --resume, started 20"))
    #expect(try KillAndResumeTests.canonical(folder) == expected)
  }

  @Test func resumeOfALiveRunIsRefusedAndTheRunFinishesAlone() throws {
    let workspace = try Workspace("resume-live")
    let expected = try KillAndResumeTests.reference.get().lines
    let folder = workspace.base + "/live"
    let (process, out, err) = try CommandLineTool.start(["run", workspace.suiteFile, "--output", folder, "--quiet", "--no-report"])
    while process.isRunning, Workspace.size(of: RunFolder(path: folder).logFile) == 0 { usleep(200) }
    let resume = try CommandLineTool.run(["run", "--resume", folder, "--quiet", "--no-report"])
    #expect(process.isRunning, "the run ended before the resume was tried; the test proves nothing")
    #expect(resume.status == 75)
    #expect(resume.standardError.contains("(pid \(process.processIdentifier), nasarena run, started "))
    let run = CommandLineTool.finish(process, out, err)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(try KillAndResumeTests.canonical(folder) == expected)
  }

  // MARK: - Defect 3: resume only what was started

  @Test func resumeRefusesAnEditedSuiteNamingWhatChanged() throws {
    let workspace = try Workspace("edited-suite")
    let folder = try workspace.copyOfTheReference().path
    let suiteFile = RunFolder(path: folder).suiteFile
    let original = try String(contentsOfFile: suiteFile, encoding: .utf8)
    let edited = original.replacingOccurrences(of: "queries: 200", with: "queries: 150")
      .replacingOccurrences(of: "trials: 30", with: "trials: 35").replacingOccurrences(of: "seed: 3", with: "seed: 4")
    #expect(edited != original)
    try edited.write(toFile: suiteFile, atomically: true, encoding: .utf8)
    let logBefore = try Data(contentsOf: URL(fileURLWithPath: RunFolder(path: folder).logFile))
    let output = try CommandLineTool.run(["run", "--resume", folder, "--quiet", "--no-report"])
    #expect(output.status == 65)
    #expect(
      output.standardError.contains(
        "suite.yaml: changed since the run started (budget.queries: '200' when the run started, '150' now; seed: '3' when the run started, '4' now; trials: '30' when the run started, '35' now)"
      ))
    #expect(try Data(contentsOf: URL(fileURLWithPath: RunFolder(path: folder).logFile)) == logBefore)
  }

  // MARK: - Defect 2: labels YAML reads as null

  @Test func labelsThatReadAsNullRoundTripThroughResume() throws {
    let suite = """
      name: null-labels
      seed: 5
      trials: 3
      budget: { queries: 30 }
      tasks: [nb201-cifar10]
      methods:
        - { method: random-search, label: 'null' }
        - { method: random-search, label: '~' }
        - { method: random-search, label: 'NULL' }
        - { method: local-search, label: 'Null' }
      report: { checkpoints: [10, 30] }
      """
    let workspace = try Workspace("null-labels", suite: suite)
    let expected = try workspace.referenceLog()
    #expect(expected.count == 4 * 3 * 31)
    let resumed = try CommandLineTool.run(["run", "--resume", workspace.base + "/reference", "--quiet", "--no-report"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardOutput.contains("0 trials (12 already done)"))
    #expect(try KillAndResumeTests.canonical(workspace.base + "/reference") == expected)
  }

  @Test func anEmptyLabelIsRefusedAtItsLine() throws {
    let workspace = try Workspace(
      "empty-label",
      suite: "name: e\ntrials: 2\nbudget: { queries: 10 }\ntasks: [nb201-cifar10]\nmethods:\n  - method: random-search\n    label: ''\n")
    let output = try CommandLineTool.run(["validate", workspace.suiteFile])
    #expect(output.status == 64)
    #expect(output.standardError.contains("suite.yaml:7:12: methods[0].label: empty label; expected a non-empty name"))
  }

  // MARK: - Defect 6: a log that proves itself

  @Test func resumeAndReportRefuseARepeatedOrEditedLine() throws {
    let workspace = try Workspace("edited-log", suite: Self.shortSuite)
    _ = try workspace.referenceLog()
    let folder = RunFolder(path: workspace.base + "/reference")
    let original = try String(contentsOfFile: folder.logFile, encoding: .utf8)
    var lines = original.split(separator: "\n").map(String.init)
    let repeated = lines + [lines[4]]
    try (repeated.joined(separator: "\n") + "\n").write(toFile: folder.logFile, atomically: true, encoding: .utf8)
    for arguments in [["run", "--resume", folder.path, "--quiet", "--no-report"], ["report", folder.path]] {
      let output = try CommandLineTool.run(arguments)
      #expect(output.status == 65, "\(arguments)")
      #expect(
        output.standardError.contains(
          "queries.jsonl:\(lines.count + 1): inconsistent log: trial nb201-cifar10/random-search/0 continues after its closing 'trial' line 201"),
        "\(output.standardError)")
    }
    lines[9] = lines[9].replacingOccurrences(of: "\"batch\":", with: "\"batch\":1")
    try (lines.joined(separator: "\n") + "\n").write(toFile: folder.logFile, atomically: true, encoding: .utf8)
    let output = try CommandLineTool.run(["report", folder.path])
    #expect(output.status == 65)
    #expect(output.standardError.contains("queries.jsonl:10: not a valid log record: checksum mismatch"))
  }

  // MARK: - Defect 10: reports never destroy

  @Test func reportRefusesAFolderWithoutALogAndLeavesItsFiles() throws {
    let workspace = try Workspace("no-log", suite: Self.shortSuite)
    _ = try workspace.referenceLog()
    let folder = RunFolder(path: workspace.base + "/reference")
    let report = try CommandLineTool.run(["report", folder.path])
    #expect(report.status == 0, "\(report.standardError)")
    try FileManager.default.removeItem(atPath: folder.logFile)
    let names = ["curves.csv", "trials.csv", "wilcoxon.csv", "summary.md", "report.html"]
    let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder.file($0))) }
    let output = try CommandLineTool.run(["report", folder.path])
    #expect(output.status == 65)
    #expect(output.standardError.contains("queries.jsonl: missing; expected the run's query log"))
    #expect(try names.map { try Data(contentsOf: URL(fileURLWithPath: folder.file($0))) } == before)
  }
}
