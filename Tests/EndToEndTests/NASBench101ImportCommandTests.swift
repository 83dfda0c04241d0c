import Foundation
import Testing

/// `nasarena data import-nb101` through the real tool: the task `nb101` is refused until the
/// table is imported, then validates, verifies and is listed.
@Suite struct NASBench101ImportCommandTests {
  /// A data folder linking every shipped file, with a copy of `SHA256SUMS` (so an import
  /// writes into the temporary folder, never into the repository's `data/`).
  static func linkedData() throws -> String {
    let folder = KillAndResumeTests.temporaryPath("nb101-data")
    let shipped = CommandLineTool.repositoryRoot + "/data"
    let list = try String(contentsOfFile: shipped + "/SHA256SUMS", encoding: .utf8)
    for file in list.split(separator: "\n").map({ String($0.dropFirst(66)) }) {
      let target = folder + "/" + file
      try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: shipped + "/" + file)
    }
    try list.write(toFile: folder + "/SHA256SUMS", atomically: true, encoding: .utf8)
    return folder
  }

  @Test func theTaskIsRefusedUntilImportedThenVerifiedAndListed() throws {
    let data = try Self.linkedData()
    let environment = ["NASARENA_DATA": data]
    let suite = data + "-suite.yaml"
    try "name: nb101\ntrials: 2\nbudget: { queries: 20 }\ntasks: [nb101]\nmethods:\n  - method: random-search\n".write(
      toFile: suite, atomically: true, encoding: .utf8)

    let refused = try CommandLineTool.run(["validate", suite], environment: environment)
    #expect(refused.status == 65)
    #expect(refused.standardError.contains("not imported"), "\(refused.standardError)")
    #expect(refused.standardError.contains("'nasarena data import-nb101 nasbench_only108.tfrecord'"), "\(refused.standardError)")

    let scratch = data + "-scratch"
    let perf = try CommandLineTool.run(
      ["perf", "--section", "nb101-import", "--synthetic-cells", "300", "--scratch", scratch], environment: environment)
    #expect(perf.status == 0, "\(perf.standardError)")
    #expect(perf.standardOutput.contains("| records written (3 per cell) | 900 |"), "\(perf.standardOutput)")

    let imported = try CommandLineTool.run(["data", "import-nb101", scratch + "/nasbench_only108.tfrecord", "--data", data])
    #expect(imported.status == 0, "\(imported.standardError)")
    #expect(imported.standardOutput.contains("read 900 records"), "\(imported.standardOutput)")
    #expect(imported.standardOutput.contains("300 cells x 3 runs"))
    #expect(imported.standardOutput.contains("partial: 300 of 423624 cells"))
    #expect(imported.standardOutput.contains("wrote \(data)/nasbench101/nb101_full_108_mean3.csv.gz"))

    let verify = try CommandLineTool.run(["data", "verify"], environment: environment)
    #expect(verify.status == 0, "\(verify.standardOutput)")
    #expect(verify.standardOutput.contains("ok        nasbench101/nb101_full_108_mean3.csv.gz"))
    #expect(verify.standardOutput.contains("all 8 data files ok"))

    let valid = try CommandLineTool.run(["validate", suite], environment: environment)
    #expect(valid.status == 0, "\(valid.standardError)")
    let info = try CommandLineTool.run(["data", "info"], environment: environment)
    #expect(info.status == 0, "\(info.standardError)")
    #expect(info.standardOutput.contains("nb101 [nas-bench-101 / cifar10] domain 300, pool 423624; signal mean_val_acc_108"))
    #expect(info.standardOutput.contains("caveat: imported NAS-Bench-101 table holds 300 of 423624 cells"))

    // A damaged import is caught by verify, though SHA256SUMS was never edited.
    let handle = try #require(FileHandle(forWritingAtPath: data + "/nasbench101/nb101_full_108_mean3.csv.gz"))
    handle.seekToEndOfFile()
    handle.write(Data([0]))
    handle.closeFile()
    let damaged = try CommandLineTool.run(["data", "verify"], environment: environment)
    #expect(damaged.status == 65)
    #expect(damaged.standardOutput.contains("MISMATCH  nasbench101/nb101_full_108_mean3.csv.gz"))
  }
}
