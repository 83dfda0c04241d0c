import Analysis
import ArgumentParser
import Foundation
import Reports
import Results

/// `nasarena compare`: one report over the methods of several runs made with the same seeds.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Report the methods of several finished runs together, paired trial by trial (same tasks, seeds and budget).",
    discussion: """
      Examples:
        nasarena compare results/semi-assessor results/arch2vec \\
          --output results/semi-vs-arch2vec
        nasarena compare results/paper-200 results/arch2vec-100 \\
          --at-queries 100 --output results/at-100

      Every run needs its log. The runs must share the budget, and on
      every task they share the task definition, the data and each
      trial's seed (suites with the same seed and task names do); tasks
      not in every run are left out. A method in several runs is kept
      once when its records agree, else later copies are named
      label@run. With --at-queries N, runs with query budgets of N or
      more are compared at N: each trial is cut after its N-th query (a
      method in two runs must then agree on those N queries to be kept
      once). Writes the usual report files and comparison.md (the runs
      and what was left out, cut or renamed) into the output folder.
      """)

  @Argument(help: "The run folders (at least two).")
  var runs: [String]

  @Option(help: "The folder to write the report into (created; must not be a run folder).")
  var output: String

  @Option(help: "Compare at this many queries a trial, cutting the trials of runs with larger query budgets.")
  var atQueries: Int?

  func validate() throws {
    if let atQueries, atQueries < 1 { throw ValidationError("--at-queries must be at least 1, got \(atQueries)") }
  }

  func run() async throws {
    try await reportingErrors {
      if FileManager.default.fileExists(atPath: RunFolder(path: output).logFile) {
        throw ValidationError("\(output) holds a run's log; write the comparison into another folder")
      }
      let sources = try runs.map { path in
        RunComparison.Source(name: (path as NSString).lastPathComponent, records: try RunFolder(path: path).readRecords())
      }
      let outcome = try RunComparison.combine(sources, cutAtQueries: atQueries)
      for note in outcome.notes { FileHandle.standardError.write(Data("nasarena: \(note)\n".utf8)) }
      var written = try ReportWriter.write(RunAnalysis(records: outcome.records), to: output)
      let lines =
        ["# Compared runs", ""]
        + zip(runs, sources).map { path, source in
          "- `\(path)`: suite \(source.records.manifest.suiteName), commit \(source.records.manifest.gitCommit ?? "unknown"), methods \(source.records.methods.joined(separator: ", "))"
        } + (outcome.notes.isEmpty ? [] : ["", "## Left out, cut or renamed", ""] + outcome.notes.map { "- \($0)" })
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent("comparison.md"))
      written.append("comparison.md")
      for file in written { print(file) }
    }
  }
}
