import ArgumentParser
import Foundation
import Harness
import Results
import Tensor

/// `nasarena estimate`: how long a suite would take here and on a cluster, from measured trials.
struct EstimateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Project a suite's wall-clock time on this machine and on a cluster of shards, from measured trial times.",
    discussion: """
      Examples:
        nasarena estimate configs/paper-nb201.yaml
        nasarena estimate configs/arch2vec.yaml --sample-trials 2 \\
          --from results/reference/nb201-weaknas-bananas
        nasarena estimate configs/paper-nb201.yaml --nodes 64

      Times come from the run folders given with --from (their log,
      or their trials.csv when the log is not kept) where the budget
      and the method's settings equal the suite's, and from
      --sample-trials trials sampled now, one worker, for every
      (task, method) no folder covers. Each trial is given its pair's
      mean time; trials are scheduled as 'nasarena run' schedules
      them. Pretraining is sampled with the cache (--cache); point
      --cache at an empty folder to time a fresh pretraining.
      """)

  @Argument(help: "The suite YAML file.")
  var suite: String

  @Option(help: "A run folder whose trial times to use (repeatable).")
  var from: [String] = []

  @Option(parsing: .unconditional, help: "Trials to sample now per (task, method) without times (0: sample nothing).")
  var sampleTrials = 1

  @Option(parsing: .unconditional, help: "Workers on this machine (default: the suite's 'workers', 0 = one per core).")
  var workers: Int?

  @Option(parsing: .unconditional, help: "Nodes of the cluster projection (0: none).")
  var nodes = 64

  @Option(parsing: .unconditional, help: "Workers per cluster node.")
  var nodeWorkers = 2

  @Flag(help: "Schedule trial by trial, as 'nasarena run --trials-first'.")
  var trialsFirst = false

  @OptionGroup var cacheOption: CacheOption

  func validate() throws {
    guard sampleTrials >= 0 else { throw ValidationError("--sample-trials must be 0 or more, got \(sampleTrials)") }
    if let workers, workers < 0 { throw ValidationError("--workers must be 0 or more, got \(workers)") }
    guard nodes >= 0 else { throw ValidationError("--nodes must be 0 or more, got \(nodes)") }
    guard nodeWorkers >= 1 else { throw ValidationError("--node-workers must be at least 1, got \(nodeWorkers)") }
  }

  func run() async throws {
    try await reportingErrors {
      let source = try CatalogTaskSource()
      let loader = SuiteLoader(methods: MethodCatalog.methods, taskNames: source.taskNames)
      let suite = try loader.load(path: suite, preflight: NumericBackendChoice.preflight(source))
      let (backend, description) = try NumericBackendChoice.select(suite.matmul)
      var options = RunOptions(workers: 1, cache: cacheOption.cache, log: CacheOption.logger(quiet: false))
      options.numericBackend = description
      let estimate = try await Backends.$current.withValue(backend) {
        try await SuiteEstimate.measure(
          suite, from: from.map(RunFolder.init(path:)), sampleTrials: sampleTrials, loader: loader, source: source, options: options)
      }
      let requested = workers ?? suite.workers
      let local = requested == 0 ? ProcessInfo.processInfo.activeProcessorCount : requested
      var projections = [("this machine", estimate.projection(workersPerNode: local, trialsFirst: trialsFirst))]
      if nodes > 0 {
        projections.append(
          ("\(nodes) nodes, shard i/\(nodes) each", estimate.projection(nodes: nodes, workersPerNode: nodeWorkers, trialsFirst: trialsFirst)))
        if !estimate.pretraining.isEmpty {
          projections.append(
            (
              "\(nodes) nodes, cache filled once and shared",
              estimate.projection(nodes: nodes, workersPerNode: nodeWorkers, trialsFirst: trialsFirst, sharedCache: true)
            ))
        }
      }
      print(estimate.markdown(projections: projections), terminator: "")
    }
  }
}
