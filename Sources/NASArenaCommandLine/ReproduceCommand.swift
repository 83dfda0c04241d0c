import Analysis
import ArgumentParser
import Foundation
import Harness
import Results

/// `nasarena reproduce`: hold a run against the published numbers its suite targets.
struct ReproduceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Run a reproduction suite (or read its finished run) and compare it with the published numbers it names.",
    discussion: """
      Examples:
        nasarena reproduce configs/reproduce/nb201-paper.yaml
        nasarena reproduce results/nb201-paper-20261202-040000
      The suite's 'reproduce:' block names rows of baselines/published.csv, each against a
      method label and task of the suite, and a tolerance in published standard deviations.
      Writes reproduction.md and reproduction.csv into the run folder and prints the table. A
      row whose data, budget, signal, report metric or selection rule the run does not match
      is refused, with the reason, instead of compared.
      """)

  @Argument(help: "A reproduction suite to run, or the run folder of one.")
  var target: String

  @Option(help: "Run folder to write when running a suite (default: results/<suite name>-<UTC time>).")
  var output: String?

  @Option(parsing: .unconditional, help: "Trials at once when running (default: the suite's 'workers').")
  var workers: Int?

  @Flag(help: "Print no progress.")
  var quiet = false

  func run() async throws {
    var isDirectory: ObjCBool = false
    let folderPath: String
    if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
      folderPath = target
    } else {
      let loaded = try await reportingErrors {
        try SuiteLoader(methods: MethodCatalog.methods, taskNames: CatalogTaskSource.knownTaskNames).load(path: target)
      }
      if loaded.reproduction == nil { throw ExitStatus.report(ReproductionError.noPlan(suite: loaded.name)) }
      folderPath = output ?? "results/\(loaded.name)-\(RunCommand.timestamp())"
      var arguments = [target, "--output", folderPath]
      if let workers { arguments += ["--workers", String(workers)] }
      if quiet { arguments.append("--quiet") }
      var run = try RunCommand.parse(arguments)
      try await run.run()
    }
    try await reportingErrors {
      let folder = RunFolder(path: folderPath)
      let suite = try SuiteLoader(methods: MethodCatalog.methods, taskNames: CatalogTaskSource.knownTaskNames).load(path: folder.suiteFile)
      guard let plan = suite.reproduction else { throw ReproductionError.noPlan(suite: suite.name) }
      let published = try PublishedNumbers.load(path: plan.baselines)
      let records = try folder.readRecords()
      let reproduction = try Reproduction(suite: suite, records: records, analysis: RunAnalysis(records: records), published: published)
      let markdown = reproduction.markdown(suite: suite.name)
      try folder.writeText(markdown, to: folder.path + "/reproduction.md")
      try folder.writeText(reproduction.csv, to: folder.path + "/reproduction.csv")
      print(markdown, terminator: "")
      print("wrote reproduction.md and reproduction.csv to \(folder.path)")
    }
  }
}
