import ArgumentParser
import Benchmarks
import Foundation
import Harness
import NeuralNetworks
import SearchMethods

/// `nasarena perf`: timings of the hot paths, in one run so they compare as ratios.
struct PerfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perf",
    abstract: "Time the hot paths: data loading, whole trials of each method on NAS-Bench-201, numerics workloads.",
    discussion: """
      Build in release mode first; debug builds are 10-100x slower:
        swift run -c release nasarena perf
        swift run -c release nasarena perf --trials 5 --queries 200
        swift run -c release nasarena perf --section numerics
      """)

  /// The parts of `perf` to run.
  enum Section: String, ExpressibleByArgument, CaseIterable {
    /// Data loading and whole trials.
    case trials
    /// Matrix-product rates and training epochs of the numerics workloads (docs/NUMERICS.md).
    case numerics
  }

  @Option(help: "Sections to run: trials, numerics (default: both).")
  var section: [Section] = Section.allCases

  @Option(help: "Timed epochs per numerics workload and backend.")
  var epochs = 1

  @Option(help: "Trials per method for the whole-trial timing.")
  var trials = 3

  @Option(help: "Queries per timed trial.")
  var queries = 200

  @Option(help: "Methods to time (default: every built-in method).")
  var methods: [String] = []

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      if section.contains(.numerics) {
        print("## Numerics (one thread; real NAS-Bench-201 and NAS-Bench-101 graphs)\n")
        let options = NumericsBenchmarkOptions(
          nasBench201Graphs: try PerfCommand.graphs(task: "nb201-cifar10", count: 1000, source: source),
          nasBench101Graphs: try PerfCommand.graphs(task: "nb101-30k", count: 10_000, source: source), epochs: epochs)
        print(NumericsBenchmark.run(options).markdownTable + "\n")
      }
      guard section.contains(.trials) else { return }
      print("## Data loading (cold: checksum, inflate, parse, build tasks)\n")
      print("| what | seconds |\n|---|---:|")
      for timing in try source.catalog.measureLoading() {
        print(String(format: "| %@ | %.3f |", timing.what, timing.seconds))
      }
      if let peak = TaskCatalog.peakResidentMemoryBytes() {
        print(String(format: "\npeak resident memory after loading every table: %.0f MB\n", Double(peak) / 1_048_576))
      }
      print("## Whole trials (nb201-cifar10, \(queries) queries, one worker, log written)\n")
      print("| method | ms / trial | ms in the method / trial |\n|---|---:|---:|")
      let names = methods.isEmpty ? PerfCommand.builtInMethodNames : methods
      for timing in try await TrialTiming.measure(task: "nb201-cifar10", methods: names, queries: queries, trials: trials, source: source) {
        print(String(format: "| %@ | %.2f | %.2f |", timing.method, timing.secondsPerTrial * 1000, timing.methodSecondsPerTrial * 1000))
      }
    }
  }

  /// `count` architectures of a task's domain, evenly spaced over it, as graphs.
  static func graphs(task name: String, count: Int, source: CatalogTaskSource) throws -> [GraphSample] {
    let domain = try source.task(named: name).domain
    let step = max(domain.count / count, 1)
    return stride(from: 0, to: domain.count, by: step).prefix(count).map { position in
      let graph = domain.space.graph(of: domain.space.architecture(at: domain.indices[position]))
      return GraphSample(
        nodeCount: graph.nodeCount, adjacency: graph.adjacency, nodeOperations: graph.nodeOperations,
        vocabularySize: graph.vocabularySize)
    }
  }

  static var builtInMethodNames: [String] { MethodRegistry.builtIn.map(\.name) }
}
