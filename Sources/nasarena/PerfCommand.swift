import ArgumentParser
import Foundation
import Harness
import SearchMethods

/// `nasarena perf`: timings of the hot paths, in one run so they compare as ratios.
struct PerfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perf",
    abstract: "Time the hot paths: whole trials of each method on NAS-Bench-201.",
    discussion: """
      Build in release mode first; debug builds are 10-100x slower:
        swift run -c release nasarena perf
        swift run -c release nasarena perf --trials 5 --queries 200
      """)

  @Option(help: "Trials per method for the whole-trial timing.")
  var trials = 3

  @Option(help: "Queries per timed trial.")
  var queries = 200

  @Option(help: "Methods to time (default: every built-in method).")
  var methods: [String] = []

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      print("## Whole trials (nb201-cifar10, \(queries) queries, one worker, log written)\n")
      print("| method | s / trial | method s / trial |\n|---|---:|---:|")
      let names = methods.isEmpty ? PerfCommand.builtInMethodNames : methods
      for timing in try await TrialTiming.measure(task: "nb201-cifar10", methods: names, queries: queries, trials: trials, source: source) {
        print(String(format: "| %@ | %.3f | %.3f |", timing.method, timing.secondsPerTrial, timing.methodSecondsPerTrial))
      }
    }
  }

  static var builtInMethodNames: [String] { MethodRegistry.builtIn.map(\.name) }
}
