import ArgumentParser
import Benchmarks
import Foundation
import Harness
import NeuralNetworks
import Randomness
import SearchMethods
import SearchSpaces
import Tensor
import Workloads

/// `nasarena perf`: timings of the hot paths, in one run so they compare as ratios.
struct PerfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perf",
    abstract: "Time the hot paths: data loading, matrix kernels and training epochs, whole trials, reading and analysing a large log.",
    discussion: """
      Build in release mode first; debug builds are 10-100x slower:
        swift run -c release nasarena perf
        swift run -c release nasarena perf --trials 5 --queries 200
        swift run -c release nasarena perf --section numerics
        swift run -c release nasarena perf --section report --report-trials 4000
      The machine is shared and noisy: compare figures as ratios within one run.
      """)

  enum Section: String, ExpressibleByArgument, CaseIterable {
    case data, numerics, trials, report
  }

  @Option(help: "Sections to run: data, numerics, trials, report (default: all).")
  var section: [Section] = []

  @Option(parsing: .unconditional, help: "Trials per method for the whole-trial timing.")
  var trials = 3

  @Option(parsing: .unconditional, help: "Queries per timed trial.")
  var queries = 200

  @Option(
    parsing: .unconditional,
    help: "Random-search trials per task in the report section's log (3 NB201 tasks, 100 queries each; 4000 gives 1.2M queries).")
  var reportTrials = 1000

  @Option(help: "Methods to time (default: every built-in method).")
  var methods: [String] = []

  @Option(help: "Matrix-multiply backends for the numerics section: openblas, portable (default: both; OpenBLAS when it loads).")
  var backend: [NumericsBackend] = []

  @Option(parsing: .unconditional, help: "Timed epochs per training workload and backend, after one warm-up epoch.")
  var epochs = 1

  /// A backend the numerics section can time.
  enum NumericsBackend: String, ExpressibleByArgument, CaseIterable {
    case openblas, portable

    var choice: BackendChoice { self == .openblas ? .openBLAS : .portable }
  }

  func validate() throws {
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    guard trials >= 1 else { throw ValidationError("--trials must be at least 1, got \(trials)") }
    guard queries >= 1 else { throw ValidationError("--queries must be at least 1, got \(queries)") }
    guard (1...10_000).contains(reportTrials) else {
      throw ValidationError("--report-trials must be in 1...10000 (a suite's trials), got \(reportTrials)")
    }
  }

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      let sections = Set(section.isEmpty ? Section.allCases : section)
      if sections.contains(.data) { try Self.printLoading(source) }
      if sections.contains(.numerics) { try printNumerics(source) }
      if sections.contains(.trials) { try await printTrials(source) }
      if sections.contains(.report) { try await printReport(source) }
    }
  }

  private static func printLoading(_ source: CatalogTaskSource) throws {
    print("## Data loading (cold: checksum, inflate, parse, build tasks)\n")
    print("| what | seconds |\n|---|---:|")
    for timing in try source.catalog.measureLoading() {
      print(String(format: "| %@ | %.3f |", timing.what, timing.seconds))
    }
    if let peak = TaskCatalog.peakResidentMemoryBytes() {
      print(String(format: "\npeak resident memory after loading every table: %.0f MB\n", Double(peak) / 1_048_576))
    }
  }

  private func printNumerics(_ source: CatalogTaskSource) throws {
    var rng = SeededGenerator(seed: 2024)
    let nb201 = try source.task(named: "nb201-cifar10").domain
    let nb101 = try source.task(named: "nb101-30k").domain.space
    func sample(_ graph: CellGraph) -> GraphSample {
      GraphSample(nodeCount: graph.nodeCount, adjacency: graph.adjacency, nodeOperations: graph.nodeOperations, vocabularySize: graph.vocabularySize)
    }
    let nb201Graphs = (0..<1000).map { _ in sample(nb201.space.graph(of: nb201.space.architecture(at: rng.nextInt(below: nb201.space.poolSize)))) }
    let nb101Graphs = (0..<10_000).map { _ in sample(nb101.graph(of: nb101.architecture(at: rng.nextInt(below: nb101.poolSize)))) }
    var backends: [BackendChoice] = backend.isEmpty ? [.openBLAS, .portable] : backend.map(\.choice)
    if OpenBLASBackend.shared == nil {
      if !backend.isEmpty && backends.contains(.openBLAS) { throw ValidationError("--backend openblas: OpenBLAS is not loadable on this machine") }
      backends.removeAll { $0 == .openBLAS }
    }
    print("## Numerics (real NAS-Bench-201 / NAS-Bench-101 graphs; one thread)\n")
    let report = NumericsTiming.run(
      NumericsTimingOptions(nasBench201Graphs: nb201Graphs, nasBench101Graphs: nb101Graphs, backends: backends, epochs: epochs))
    print(report.markdownTable)
  }

  private func printTrials(_ source: CatalogTaskSource) async throws {
    print("## Whole trials (nb201-cifar10, \(queries) queries, one worker, log written)\n")
    print("| method | ms / trial | ms in the method / trial |\n|---|---:|---:|")
    let names = methods.isEmpty ? PerfCommand.builtInMethodNames : methods
    for timing in try await TrialTiming.measure(task: "nb201-cifar10", methods: names, queries: queries, trials: trials, source: source) {
      print(String(format: "| %@ | %.2f | %.2f |", timing.method, timing.secondsPerTrial * 1000, timing.methodSecondsPerTrial * 1000))
    }
  }

  private func printReport(_ source: CatalogTaskSource) async throws {
    let tasks = ["nb201-cifar10", "nb201-cifar100", "nb201-imagenet16-120"]
    print("## Reading and analysing a log (random search, \(reportTrials) trials x 100 queries on each of \(tasks.count) NB201 tasks)\n")
    let timing = try await ReportTiming.measure(tasks: tasks, trials: reportTrials, queries: 100, source: source)
    print("| queries | log MB | read s | analysis s |\n|---:|---:|---:|---:|")
    print(
      String(
        format: "| %d | %.0f | %.2f | %.2f |", timing.queries, Double(timing.logBytes) / 1_048_576, timing.readSeconds,
        timing.analysisSeconds))
    if let peak = TaskCatalog.peakResidentMemoryBytes() {
      print(String(format: "\npeak resident memory (tables loaded, log read and analysed): %.0f MB\n", Double(peak) / 1_048_576))
    }
  }

  static var builtInMethodNames: [String] { MethodCatalog.methods.map(\.name) }
}
