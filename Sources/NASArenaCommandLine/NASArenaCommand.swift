import ArgumentParser

/// The `nasarena` command: run NAS comparison suites and report them.
struct NASArenaCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nasarena",
    abstract: "Honest, fast, reproducible comparisons of neural-architecture-search methods on tabular benchmarks.",
    discussion: """
      Quick start:
        nasarena run configs/quickstart.yaml     run a suite into results/
        nasarena report <run folder>             recompute tables and report
        nasarena methods                         methods, settings, defaults
        nasarena data info                       tasks, domain sizes, optima

      Exit codes: 0 success; 1 some trials failed; 64 invalid suite,
      arguments, configuration or environment; 65 missing or corrupt data
      or run folder; 73 output cannot be written; 75 run folder locked by
      another nasarena process; 70 a bug.
      """,
    version: "0.1.0",
    subcommands: [
      RunCommand.self, ReportCommand.self, ValidateCommand.self, MethodsCommand.self, DataCommand.self,
      MergeCommand.self, CompareCommand.self, ReproduceCommand.self, PredictorsCommand.self, GuidanceCommand.self, PerfCommand.self,
      EstimateCommand.self,
      NewMethodCommand.self,
    ])
}
