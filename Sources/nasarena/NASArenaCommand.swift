import ArgumentParser

/// The `nasarena` command: run NAS comparison suites and report them.
@main
struct NASArenaCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nasarena",
    abstract: "Honest, fast, reproducible comparisons of neural-architecture-search methods on tabular benchmarks.",
    discussion: """
      Quick start:
        nasarena run configs/quickstart.yaml        run a suite, write results/<suite>-<time>/
        nasarena report results/quickstart-<time>   recompute tables and report from the log
        nasarena methods                            list methods with their settings
        nasarena data info                          list tasks with domain sizes and optima

      Exit codes: 0 success; 1 the run finished but some trials failed; 64 invalid suite or
      arguments; 65 missing or corrupt data or run folder; 70 internal error.
      """,
    version: "0.1.0",
    subcommands: [
      RunCommand.self, ReportCommand.self, ValidateCommand.self, MethodsCommand.self, DataCommand.self,
      MergeCommand.self, PredictorsCommand.self, PerfCommand.self,
    ])
}
