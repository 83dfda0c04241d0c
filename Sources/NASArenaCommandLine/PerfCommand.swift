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
        swift run -c release nasarena perf --section side-by-side --side-by-side brpnas-epoch-20
        swift run -c release nasarena perf --section tail-cores
      The machine is shared and noisy: compare figures as ratios within one run.
      """)

  enum Section: String, ExpressibleByArgument, CaseIterable {
    case data, numerics, trials, report
    /// Not in the default set: it writes a synthetic release file of about 0.7 GB.
    case nb101Import = "nb101-import"
    /// Not in the default set: the NASArena side of `bench/run.sh`, one JSON line per workload.
    case sideBySide = "side-by-side"
    /// Not in the default set: products on one core and with a lent second core.
    case tailCores = "tail-cores"
  }

  /// A workload of the side-by-side benchmark (`bench/`), on nb201-cifar10.
  enum SideBySideWorkload: String, ExpressibleByArgument, CaseIterable {
    case weaknasTrial = "weaknas-trial"
    case brpnasEpoch20 = "brpnas-epoch-20"
    case brpnasEpoch100 = "brpnas-epoch-100"
    case brpnasTrial = "brpnas-trial"
    case arch2vecEpoch = "arch2vec-epoch"
    case sgemm
  }

  @Option(
    help: "side-by-side: workloads to time (default: all): weaknas-trial, brpnas-epoch-20, brpnas-epoch-100, brpnas-trial, arch2vec-epoch, sgemm.")
  var sideBySide: [SideBySideWorkload] = []

  @Option(help: "side-by-side: write nb201-cifar10's cells, inputs and signals as JSON to this file (for bench/python) instead of timing.")
  var exportData: String?

  @Option(help: "Sections to run: data, numerics, trials, report, nb101-import, side-by-side, tail-cores (default: data, numerics, trials, report).")
  var section: [Section] = []

  @Option(parsing: .unconditional, help: "nb101-import: cells of the synthetic release file (default: all 423,624).")
  var syntheticCells: Int?

  @Option(
    help: "nb101-import: folder for the synthetic release file and the data folder it is imported into (kept; default: a temporary folder, removed).")
  var scratch: String?

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

  @Option(help: "Matrix-multiply backends for the numerics and tail-cores sections: openblas, portable (default: both; OpenBLAS when it loads).")
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
    if let syntheticCells, syntheticCells < 1 { throw ValidationError("--synthetic-cells must be at least 1, got \(syntheticCells)") }
    guard (1...10_000).contains(reportTrials) else {
      throw ValidationError("--report-trials must be in 1...10000 (a suite's trials), got \(reportTrials)")
    }
  }

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      let sections = Set(section.isEmpty ? [.data, .numerics, .trials, .report] : section)
      if sections.contains(.data) { try Self.printLoading(source) }
      if sections.contains(.numerics) { try printNumerics(source) }
      if sections.contains(.trials) { try await printTrials(source) }
      if sections.contains(.nb101Import) { try printImport(source) }
      if sections.contains(.report) { try await printReport(source) }
      if sections.contains(.sideBySide) { try await printSideBySide(source) }
      if sections.contains(.tailCores) { try printTailCores() }
    }
  }

  private func printImport(_ source: CatalogTaskSource) throws {
    let folder = scratch ?? NSTemporaryDirectory() + "nasarena-perf-nb101-\(UUID().uuidString)"
    defer { if scratch == nil { try? FileManager.default.removeItem(atPath: folder) } }
    let timing = try NASBench101SyntheticRelease.measureImport(cells: syntheticCells, scratch: folder, shipped: source.catalog.data)
    let summary = timing.summary
    print("## NAS-Bench-101 import (synthetic release file, real pool cells)\n")
    print("| what | value |\n|---|---:|")
    print(String(format: "| records written (3 per cell) | %d |\n| file size | %.1f MB |", timing.records, Double(timing.bytes) / 1_048_576))
    print(String(format: "| seconds to write it | %.2f |", timing.generationSeconds))
    print(String(format: "| seconds to import it (pool, read, check, write) | %.2f |", summary.seconds))
    print("| cells imported | \(summary.cells) |")
    if let peak = TaskCatalog.peakResidentMemoryBytes() {
      print(String(format: "| peak resident memory of this process | %.0f MB |", Double(peak) / 1_048_576))
    }
    if scratch != nil { print("\nkept \(folder)/nasbench_only108.tfrecord and \(folder)/data") }
    print("")
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

  /// Whole trials, each method under a metered backend: wall and method time, the matrix
  /// products' FLOPs, and the rates against a single-thread sgemm measured in the same run.
  private func printTrials(_ source: CatalogTaskSource) async throws {
    let base = try Backends.select(.automatic)
    let sgemm = MatrixMultiplyMeter.gigaflops(base, m: 1024, n: 256, k: 256, minimumSeconds: 1)
    print("## Whole trials (nb201-cifar10, \(queries) queries, one worker, log written)\n")
    print(String(format: "Backend %@; sgemm 1024x256x256 in this run: %.1f GF/s (one thread).\n", base.description, sgemm))
    print(
      "| method | ms / trial | ms in the method / trial | GFLOP / trial | GF/s of method time | GF/s in products | share of sgemm | method time in products |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    let names = methods.isEmpty ? PerfCommand.builtInMethodNames : methods
    // One memory cache for every method: a pretraining method's value is made by an untimed
    // one-query trial first, so neither the table's times nor its FLOPs hold the pretraining.
    let cache = PretrainingCache(directory: nil)
    for name in names {
      if MethodCatalog.methods.first(where: { $0.name == name })?.pretraining != nil {
        _ = try await TrialTiming.measure(task: "nb201-cifar10", methods: [name], queries: 1, trials: 1, source: source, cache: cache)
      }
      let meter = MeteredBackend(base)
      let timings = try await Backends.$current.withValue(meter) {
        try await TrialTiming.measure(task: "nb201-cifar10", methods: [name], queries: queries, trials: trials, source: source, cache: cache)
      }
      for timing in timings {
        let flops = meter.flops / Double(timing.trials)
        let productSeconds = meter.seconds / Double(timing.trials)
        let inMethod = timing.methodSecondsPerTrial > 0 ? flops / timing.methodSecondsPerTrial / 1e9 : 0
        let inProducts = productSeconds > 0 ? flops / productSeconds / 1e9 : 0
        let share = timing.methodSecondsPerTrial > 0 ? productSeconds / timing.methodSecondsPerTrial : 0
        print(
          String(
            format: "| %@ | %.2f | %.2f | %.3f | %.1f | %.1f | %.0f %% | %.0f %% |", timing.method, timing.secondsPerTrial * 1000,
            timing.methodSecondsPerTrial * 1000, flops / 1e9, inMethod, inProducts, inProducts / sgemm * 100, share * 100))
      }
    }
    print(
      "\nPretraining (arch2vec's VAE, DiffusionNAG's score model) is done before the timing and left out of every column. "
        + "GFLOP / trial counts 2mnk per matrix product (the work the products do; elementwise work is not counted). "
        + "GF/s of method time divides it by the seconds inside the method's ask and tell, so it is the rate of the whole "
        + "method against the sgemm rate: the share of the machine's limit the method reaches.")
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

  /// The NASArena side of `bench/run.sh`: one `SideBySideMeasurement` JSON line per workload.
  private func printSideBySide(_ source: CatalogTaskSource) async throws {
    let task = try source.task(named: "nb201-cifar10")
    let domain = task.domain
    if let exportData {
      try SideBySideExport.write(domain: domain, task: task.name, signals: domain.indices.map { task.signal.values[$0] }, to: exportData)
      print("wrote \(exportData)")
      return
    }
    let base = try Backends.select(.automatic)
    for workload in sideBySide.isEmpty ? SideBySideWorkload.allCases : sideBySide {
      switch workload {
      case .weaknasTrial, .brpnasTrial:
        let (method, fits) = workload == .weaknasTrial ? ("weaknas", (queries - 10 + 9) / 10) : ("brp-nas", (queries + 19) / 20 - 1)
        let meter = MeteredBackend(base)
        let timing = try await Backends.$current.withValue(meter) {
          try await TrialTiming.measure(task: task.name, methods: [method], queries: queries, trials: 1, source: source)
        }
        let seconds = timing.first?.secondsPerTrial ?? 0
        let measurement = SideBySideMeasurement(
          workload: workload.rawValue, backend: base.description, seconds: seconds,
          work: ["queries": Double(queries), "fits": Double(fits), "methodSeconds": timing.first?.methodSecondsPerTrial ?? 0],
          gigaflop: meter.flops / 1e9)
        print(measurement.jsonLine)
      case .brpnasEpoch20, .brpnasEpoch100:
        let count = workload == .brpnasEpoch20 ? 20 : 100
        // Every (domain / n)-th architecture: the Python side takes the same ones.
        let labelled = (0..<count).map { domain.indices[$0 * (domain.count / count)] }
        let measurement = try BRPNASEpochTiming.measure(
          workload: workload.rawValue, domain: domain, poolIndices: labelled,
          targets: labelled.map { task.signal.values[$0] }, epochs: count == 20 ? 40 : 10, backend: base)
        print(measurement.jsonLine)
      case .arch2vecEpoch:
        print(try Arch2VecEpochTiming.measure(space: domain.space, backend: base).jsonLine)
      case .sgemm:
        for (m, n, k) in [(1024, 256, 256), (2048, 2048, 2048)] {
          let rate = MatrixMultiplyMeter.gigaflops(base, m: m, n: n, k: k, minimumSeconds: 1)
          let measurement = SideBySideMeasurement(
            workload: "sgemm-\(m)x\(n)x\(k)", backend: base.description, seconds: 2 * Double(m * n * k) / rate / 1e9,
            work: ["gigaflops": rate])
          print(measurement.jsonLine)
        }
      }
    }
  }

  static var builtInMethodNames: [String] { MethodCatalog.methods.map(\.name) }
}
