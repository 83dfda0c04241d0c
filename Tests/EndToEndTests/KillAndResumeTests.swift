import Foundation
import Randomness
import Results
import Testing

/// A real `nasarena run` killed with SIGKILL resumes to exactly the uninterrupted log.
@Suite(.serialized) struct KillAndResumeTests {
  static let suite = """
    name: kill-test
    seed: 3
    trials: 30
    budget: { queries: 200 }
    tasks: [nb201-cifar10]
    methods:
      - method: random-search
        settings: { batchSize: 1 }
      - method: regularized-evolution
      - method: local-search
    workers: 1
    report: { checkpoints: [50, 200] }
    """

  static func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "nasarena-e2e/\(name)-\(UUID().uuidString)"
  }

  static func canonical(_ folder: String) throws -> [String] {
    try RunLog.deterministicLines(RunLog.canonical(try RunLog.read(path: RunFolder(path: folder).logFile)))
  }

  /// One uninterrupted run of `suite`: its suite file, folder, canonical log and log size.
  struct Reference {
    let suiteFile: String
    let folder: String
    let lines: [String]
    let logSize: Int

    struct RunFailed: Error, CustomStringConvertible {
      let status: Int32
      let standardError: String
      var description: String { "the reference run of the kill-test suite exited with \(status): \(standardError)" }
    }
  }

  /// The reference run, made once per test process and shared by every test that compares a
  /// run of `suite` against it (this suite and `RunFolderIntegrityTests`): each of them used
  /// to repeat the same run. Tests only read it; one that edits a folder copies it.
  static let reference = Result<Reference, any Error> {
    let base = temporaryPath("reference")
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let suiteFile = base + "/kill-test.yaml"
    try suite.write(toFile: suiteFile, atomically: true, encoding: .utf8)
    let folder = base + "/reference"
    let full = try CommandLineTool.run(["run", suiteFile, "--output", folder, "--quiet", "--no-report"])
    guard full.status == 0 else { throw Reference.RunFailed(status: full.status, standardError: full.standardError) }
    let size = try FileManager.default.attributesOfItem(atPath: RunFolder(path: folder).logFile)[.size] as? Int
    return Reference(suiteFile: suiteFile, folder: folder, lines: try canonical(folder), logSize: size ?? 0)
  }

  /// Whether every line of `log` ends with a checksum field `,"crc":"<8 characters>"}`.
  static func everyLineEndsWithAChecksum(_ log: Data) -> Bool {
    let field = Array(",\"crc\":\"".utf8)
    let end = Array("\"}".utf8)
    return log.split(separator: UInt8(ascii: "\n")).allSatisfy { line in
      line.count > field.count + 10 && line.suffix(2).elementsEqual(end) && line.dropLast(10).suffix(field.count).elementsEqual(field)
    }
  }

  @Test func killedRunResumesToTheUninterruptedLog() throws {
    let reference = try Self.reference.get()
    let expected = reference.lines
    #expect(expected.count == 90 * 201, "90 trials of 200 queries and a closing line each")
    let base = Self.temporaryPath("suite")
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)

    // Two fixed moments and two drawn from a seeded generator (different on every suite seed).
    var generator = SeededGenerator(seed: 8)
    let fractions = [0.2, 0.75] + (0..<2).map { _ in Double.random(in: 0.05..<0.95, using: &generator) }
    for (attempt, fraction) in fractions.enumerated() {
      let interrupted = base + "/interrupted-\(attempt)"
      let log = RunFolder(path: interrupted).logFile
      let (process, _, _) = try CommandLineTool.start(["run", reference.suiteFile, "--output", interrupted, "--quiet", "--no-report"])
      // Kill as soon as the log holds the given fraction of the full log: mid-run, usually mid-line.
      // A blocking poll: Task.sleep can oversleep by far when other tests load the thread pool.
      while process.isRunning,
        ((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) < Int(Double(reference.logSize) * fraction)
      {
        usleep(200)
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal, "the run finished before it was killed; kill sooner")
      let partial = try RunLog.read(path: RunFolder(path: interrupted).logFile)
      #expect(partial.count < expected.count)

      let resumed = try CommandLineTool.run(["run", "--resume", interrupted, "--quiet", "--no-report"])
      #expect(resumed.status == 0, "\(resumed.standardError)")
      #expect(try Self.canonical(interrupted) == expected)
      // Every line, the ones written before the kill and after the resume, carries a checksum
      // that matches (RunLog.read above verified each one).
      #expect(Self.everyLineEndsWithAChecksum(try Data(contentsOf: URL(fileURLWithPath: log))))
    }
  }

  @Test func malformedSuiteExitsWithItsLine() throws {
    let base = Self.temporaryPath("bad")
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let suiteFile = base + "/bad.yaml"
    try "name: bad\ntrials: 5\nbudget: { queries: 10 }\ntasks: [nb201-cifar10]\nmethods:\n  - method: bananas-typo\n"
      .write(toFile: suiteFile, atomically: true, encoding: .utf8)
    let output = try CommandLineTool.run(["validate", suiteFile])
    #expect(output.status == 64)
    #expect(output.standardError.contains("bad.yaml:6:13: methods[0].method: unknown method 'bananas-typo'"))
  }
}
