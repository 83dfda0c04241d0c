import Foundation
import Randomness
import Results
import Testing

/// A real `nasarena run` killed with SIGKILL resumes to exactly the uninterrupted log.
@Suite(.serialized) struct KillAndResumeTests {
  static let suite = """
    name: kill-test
    seed: 3
    trials: 60
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
    try RunLog.canonical(try RunLog.read(path: RunFolder(path: folder).logFile)).map(RunLog.deterministicLine)
  }

  @Test func killedRunResumesToTheUninterruptedLog() throws {
    let base = Self.temporaryPath("suite")
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let suiteFile = base + "/kill-test.yaml"
    try Self.suite.write(toFile: suiteFile, atomically: true, encoding: .utf8)

    let reference = base + "/reference"
    let full = try CommandLineTool.run(["run", suiteFile, "--output", reference, "--quiet", "--no-report"])
    #expect(full.status == 0, "\(full.standardError)")
    let expected = try Self.canonical(reference)
    #expect(expected.count == 180 * 201, "180 trials of 200 queries and a closing line each")

    let fullSize = try #require(FileManager.default.attributesOfItem(atPath: RunFolder(path: reference).logFile)[.size] as? Int)
    // Two fixed moments and two drawn from a seeded generator (different on every suite seed).
    var generator = SeededGenerator(seed: 8)
    let fractions = [0.2, 0.75] + (0..<2).map { _ in Double.random(in: 0.05..<0.95, using: &generator) }
    for (attempt, fraction) in fractions.enumerated() {
      let interrupted = base + "/interrupted-\(attempt)"
      let log = RunFolder(path: interrupted).logFile
      let (process, _, _) = try CommandLineTool.start(["run", suiteFile, "--output", interrupted, "--quiet", "--no-report"])
      // Kill as soon as the log holds the given fraction of the full log: mid-run, usually mid-line.
      // A blocking poll: Task.sleep can oversleep by far when other tests load the thread pool.
      while process.isRunning, ((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) ?? 0 < Int(Double(fullSize) * fraction)
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
      let text = try String(contentsOfFile: log, encoding: .utf8)
      #expect(text.split(separator: "\n").allSatisfy { $0.hasSuffix("\"}") && $0.dropLast(10).hasSuffix(",\"crc\":\"") })
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
