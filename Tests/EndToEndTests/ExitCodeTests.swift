import Foundation
import Results
import Testing

/// The exit codes and messages of the README, from the real `nasarena` executable: 64 bad
/// suite, arguments or environment; 65 bad data or run folder; 73 output not writable; 75
/// folder locked; 70 only for a bug.
@Suite(.serialized) struct ExitCodeTests {
  static let smallSuite = """
    name: small
    seed: 1
    trials: 2
    budget: { queries: 20 }
    tasks: [nb201-cifar10]
    methods:
      - method: random-search
    report: { checkpoints: [10, 20] }
    """

  static func workspace(_ name: String) throws -> (base: String, suite: String) {
    let base = KillAndResumeTests.temporaryPath(name)
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let suite = base + "/small.yaml"
    try smallSuite.write(toFile: suite, atomically: true, encoding: .utf8)
    return (base, suite)
  }

  // MARK: - Defect 9: exit codes as documented

  @Test func resumeOfAMissingFolderSaysSo() throws {
    let missing = KillAndResumeTests.temporaryPath("missing")
    let output = try CommandLineTool.run(["run", "--resume", missing])
    #expect(output.status == 65)
    #expect(output.standardError.contains("nasarena: error: \(missing): no such run folder;"))
  }

  @Test func unknownTaskOfRandomSearchIsAnArgumentError() throws {
    let output = try CommandLineTool.run(["data", "random-search", "nb201-cifar11"])
    #expect(output.status == 64)
    #expect(output.standardError.contains("unknown task 'nb201-cifar11'; known: nb201-cifar10, nb201-cifar100,"))
  }

  @Test func anEnvironmentProblemIsAConfigurationError() throws {
    let (base, suite) = try Self.workspace("environment")
    let output = try CommandLineTool.run(["run", suite, "--output", base + "/run", "--quiet"], environment: ["NASARENA_MATMUL": "zigzag"])
    #expect(output.status == 64)
    #expect(output.standardError.contains("NASARENA_MATMUL: unknown matmul backend 'zigzag'; allowed: auto, openblas, portable"))
  }

  @Test func aLogThatCannotBeWrittenAbortsTheRun() throws {
    let (base, suite) = try Self.workspace("unwritable-log")
    let folder = RunFolder(path: base + "/run")
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.logFile, withDestinationPath: "/dev/full")
    let output = try CommandLineTool.run(["run", suite, "--output", folder.path, "--quiet", "--no-report"])
    #expect(output.status == 73, "\(output.standardError)")
    #expect(output.standardError.contains("queries.jsonl: write failed: No space left on device"))
    #expect(!output.standardError.contains("trials failed"))
  }

  @Test func anOutputThatExistsIsAnOutputError() throws {
    let (base, suite) = try Self.workspace("existing-output")
    let first = try CommandLineTool.run(["run", suite, "--output", base + "/run", "--quiet", "--no-report"])
    #expect(first.status == 0, "\(first.standardError)")
    let second = try CommandLineTool.run(["run", suite, "--output", base + "/run", "--quiet", "--no-report"])
    #expect(second.status == 73)
    #expect(second.standardError.contains("already holds a run log; resume it with 'nasarena run --resume"))
  }

  // MARK: - Defect 11: options and data commands

  @Test(arguments: [
    (["run", "configs/quickstart.yaml", "--workers", "-1"], "--workers must be 0 or more, got -1."),
    (["data", "random-search", "nb201-cifar10", "--queries", "-5"], "--queries must be at least 1, got -5"),
    (["perf", "--section", "trials", "--trials", "-2"], "--trials must be at least 1, got -2"),
    (["report", "results/reference/nb201-predictors-check", "--checkpoints", "0,x"], "--checkpoints must be positive query counts"),
    (["report", "results/reference/nb201-predictors-check", "--band", "quartiles"], "--band must be one of stderr, std"),
    (
      ["report", "results/reference/semigan-nad-signatures", "--checkpoints", "5000", "--output", "/tmp/nasarena-never"],
      "no checkpoint of [5000] is within the run's budget of 100 queries"
    ),
  ])
  func negativeOptionValuesGetAClearMessage(arguments: [String], message: String) throws {
    let output = try CommandLineTool.run(arguments)
    #expect(output.status == 64)
    #expect(output.standardError.contains(message), "\(output.standardError)")
    #expect(!output.standardError.contains("Missing value"))
  }

  /// A copy of the data folder with one table corrupted (one byte appended).
  static func dataWithOneBadTable() throws -> (folder: String, bad: String) {
    let folder = KillAndResumeTests.temporaryPath("data")
    try FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: CommandLineTool.repositoryRoot + "/data", toPath: folder)
    let bad = "transnas_bench_101/tnb101_micro_valid.csv.gz"
    let handle = try #require(FileHandle(forWritingAtPath: folder + "/" + bad))
    handle.seekToEndOfFile()
    handle.write(Data([0]))
    handle.closeFile()
    return (folder, bad)
  }

  @Test func dataVerifyChecksEveryFileAndListsEach() throws {
    let (folder, bad) = try Self.dataWithOneBadTable()
    let listed = try String(contentsOfFile: folder + "/SHA256SUMS", encoding: .utf8).split(separator: "\n").map { String($0.dropFirst(66)) }
    let output = try CommandLineTool.run(["data", "verify"], environment: ["NASARENA_DATA": folder])
    #expect(output.status == 65)
    for file in listed {
      #expect(output.standardOutput.contains((file == bad ? "MISMATCH  " : "ok        ") + file), "\(file)")
    }
    #expect(output.standardOutput.contains("1 of \(listed.count) data files bad"))
  }

  @Test func dataInfoListsTheTasksItCanAndNamesTheBadTable() throws {
    let (folder, bad) = try Self.dataWithOneBadTable()
    let output = try CommandLineTool.run(["data", "info"], environment: ["NASARENA_DATA": folder])
    #expect(output.status == 65)
    #expect(output.standardOutput.contains("nb201-cifar10"))
    #expect(output.standardOutput.contains("nbgraph-cora"))
    #expect(output.standardOutput.contains("transnas-micro-jigsaw: unavailable: \(bad): checksum mismatch"))
    #expect(output.standardError.contains("7 of 20 tasks cannot be loaded"))
  }
}
