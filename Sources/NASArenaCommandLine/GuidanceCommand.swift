import ArgumentParser
import Foundation
import Harness
import Results
import SearchMethods

/// `nasarena guidance`: does DiffusionNAG's predictor guidance steer samples to better cells?
struct GuidanceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guidance",
    abstract: "Sample from each diffusionnag method's score model at several guidance scales and report the true signal of the samples.",
    discussion: """
      For every task of the suite and every diffusionnag method, the guidance predictor is
      fitted on --labelled random domain architectures, then --samples cells are drawn at each
      scale (0 = unguided, from the same prior draws). The score model is pretrained, or taken
      from the cache, as by 'nasarena run'.
        nasarena guidance configs/diffusionnag.yaml --labelled 50 --scales 0,10,100,1000
      Writes guidance.csv (one row per task, method, seed and scale) and guidance.md.
      """)

  @Argument(help: "The suite YAML file.")
  var suite: String

  @Option(help: "Labelled architectures the guidance predictor is fitted on.")
  var labelled = 50

  @Option(help: "Comma-separated guidance scales.")
  var scales = "0,10,100,1000,10000"

  @Option(help: "Cells sampled per scale.")
  var samples = 256

  @Option(help: "Independent labelled sets (seeds).")
  var seeds = 3

  @Option(help: "Folder to write (default: results/<suite name>-guidance-<UTC time>).")
  var output: String?

  @Flag(help: "Print no progress.")
  var quiet = false

  @OptionGroup var cacheOption: CacheOption

  func validate() throws {
    guard labelled >= 2 else { throw ValidationError("--labelled must be at least 2, got \(labelled).") }
    guard samples >= 1, seeds >= 1 else { throw ValidationError("--samples and --seeds must be at least 1.") }
    guard parsedScales != nil else { throw ValidationError("--scales must be comma-separated non-negative numbers, got '\(scales)'.") }
  }

  private var parsedScales: [Float]? {
    let values = scales.split(separator: ",").compactMap { Float($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.count == scales.split(separator: ",").count, values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
    return values
  }

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      let suite = try SuiteLoader(methods: MethodCatalog.methods, taskNames: source.taskNames).load(
        path: suite, preflight: NumericBackendChoice.preflight(source))
      let folder = RunFolder(path: output ?? "results/\(suite.name)-guidance-\(RunCommand.timestamp())")
      try folder.create()
      let rows = try await GuidanceCheck.evaluate(
        suite, labelled: labelled, scales: parsedScales ?? [], samples: samples, seeds: seeds, source: source, cache: cacheOption.cache,
        log: CacheOption.logger(quiet: quiet))
      let table = GuidanceCheck.markdown(rows, labelled: labelled)
      try folder.writeText(GuidanceCheck.csv(rows), to: folder.file("guidance.csv"))
      try folder.writeText("# DiffusionNAG guidance: \(suite.name)\n\n" + table, to: folder.file("guidance.md"))
      print(table)
      print("wrote 2 files to \(folder.path)")
    }
  }
}
