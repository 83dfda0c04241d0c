import Foundation
import Testing

/// Issue 8 defect 8 through the real tool: what `run` used to reject after starting (or that
/// failed every trial), `validate` and `run` now refuse before a folder exists, at the line.
@Suite struct PreflightTests {
  static func suiteFile(_ name: String, _ yaml: String) throws -> String {
    let folder = NSTemporaryDirectory() + "nasarena-preflight-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/\(name).yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func anEncodingTheTaskLacksIsRefusedByValidateAndRun() throws {
    let path = try Self.suiteFile(
      "graph",
      "name: graph\ntrials: 2\nbudget: { queries: 20 }\ntasks: [nbgraph-cora]\nmethods:\n  - method: weaknas\n    settings:\n      encoding: path\n")
    let validate = try CommandLineTool.run(["validate", path])
    #expect(validate.status == 64)
    #expect(
      validate.standardError.contains("graph.yaml:8:17: methods[0].settings.encoding: invalid value 'path' for 'encoding'"),
      "\(validate.standardError)")
    let output = (path as NSString).deletingLastPathComponent + "/run"
    let run = try CommandLineTool.run(["run", path, "--output", output, "--quiet"])
    #expect(run.status == 64)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aSecondsBudgetOnATaskWithoutCostIsRefusedByValidate() throws {
    let path = try Self.suiteFile(
      "seconds", "name: seconds\ntrials: 2\nbudget: { seconds: 1000 }\ntasks: [transnas-micro-jigsaw]\nmethods:\n  - method: random-search\n")
    let validate = try CommandLineTool.run(["validate", path])
    #expect(validate.status == 64)
    #expect(
      validate.standardError.contains("seconds.yaml:3:20: budget.seconds: task 'transnas-micro-jigsaw' has no cost column"),
      "\(validate.standardError)")
  }
}
