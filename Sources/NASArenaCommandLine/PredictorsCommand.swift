import Analysis
import ArgumentParser
import Foundation
import Harness
import Reports
import Results
import SearchMethods
import Tensor

/// `nasarena predictors`: how well each method's predictor ranks architectures from few labels.
struct PredictorsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predictors",
    abstract: "Evaluate the predictors of a suite's methods: Kendall tau, Spearman rho, precision@T vs training size.",
    discussion: """
      Every method of the suite that has a predictor is trained on n random
      labelled architectures (n from the suite's predictorQuality.sizes) and
      tested on the rest of the domain, on the same splits for every predictor.
        nasarena predictors configs/paper-nb201.yaml
        nasarena predictors configs/nb201.yaml --output results/nb201-predictors
      Writes predictor_quality.csv (one row per predictor, n and seed),
      predictor_quality_summary.csv, predictor_quality.md and predictor_quality.html.
      """)

  @Argument(help: "The suite YAML file.")
  var suite: String

  @Option(help: "Folder to write (default: results/<suite name>-predictors-<UTC time>).")
  var output: String?

  @Option(parsing: .unconditional, help: "Evaluations at once (default: the suite's 'workers', 0 = one per core).")
  var workers: Int?

  @Flag(help: "Print no progress.")
  var quiet = false

  @OptionGroup var cacheOption: CacheOption

  func validate() throws {
    if let workers, workers < 0 { throw ValidationError("--workers must be 0 or more, got \(workers).") }
  }

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      let suite = try SuiteLoader(methods: MethodCatalog.methods, taskNames: source.taskNames).load(
        path: suite, preflight: NumericBackendChoice.preflight(source))
      let (backend, _) = try NumericBackendChoice.select(suite.matmul)
      let folder = RunFolder(path: output ?? "results/\(suite.name)-predictors-\(RunCommand.timestamp())")
      try folder.create()
      try folder.writeText(try suite.resolvedYAML(), to: folder.suiteFile)
      let showProgress = !quiet && isatty(STDERR_FILENO) == 1
      let records = try await Backends.$current.withValue(backend) {
        try await PredictorQualityEvaluator.evaluate(
          suite, settings: suite.predictorQuality, source: source, workers: workers, cache: cacheOption.cache,
          log: CacheOption.logger(quiet: quiet)
        ) { done, total in
          if showProgress { FileHandle.standardError.write(Data("\r[\(done)/\(total) predictor fits]   ".utf8)) }
        }
      }
      if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
      let analysis = PredictorQualityAnalysis(records: records)
      let written = try PredictorQualityReport.write(
        analysis, title: "NASArena predictor quality: \(suite.name)", reconstructions: suite.reconstructions ?? [:], to: folder.path)
      print(PredictorQualityReport.contents(of: analysis, title: suite.name).first { $0.name.hasSuffix(".md") }?.text ?? "")
      print("wrote \(written.count) files to \(folder.path)")
    }
  }
}
