import Results

/// Formula-driven run records for the report tests: no benchmark files, no randomness.
///
/// The domain has `domainSize` architectures whose report metric falls with their index
/// (index 0 is the optimum); the search signal is the report plus a deterministic wobble.
/// Method m samples indices from a window that shrinks faster for larger m, so methods
/// differ clearly. Method 2 of the first task recommends, one of its trials is exhausted
/// early and one of method 1's trials fails.
enum SyntheticRun {
  static let domainSize = 2000

  static func report(_ index: Int) -> Double {
    94 - 12 * (Double(index) / Double(domainSize)).squareRoot()
  }

  static func signal(_ index: Int) -> Double {
    report(index) + Double(mix(UInt64(index)) % 1000) / 1000 * 0.8 - 0.4
  }

  /// SplitMix64's finalizer: a fixed scramble of an integer.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static func task(_ name: String, costs: Bool, caveat: String?) -> TaskRecord {
    TaskRecord(
      name: name, benchmark: "synthetic", dataset: "formula", signalColumn: "valid_accuracy",
      reportColumn: "test_accuracy", costColumn: costs ? "train_seconds" : nil, domainSize: domainSize,
      poolSize: domainSize, optimumSignal: signal(0), optimumReport: report(0), topPermilleReport: report(1),
      topPercentReport: report(19), caveat: caveat)
  }

  /// The records of `tasks` (name, trials, queries, costs, caveat) for three methods.
  static func records(
    tasks: [(name: String, trials: Int, queries: Int, costs: Bool, caveat: String?)] = [
      ("synthetic-a", 30, 100, true, "the table is a 10 % subset of the space; optima are of the subset"),
      ("synthetic-b", 10, 50, false, nil),
    ],
    recommendations: Bool = true
  ) -> RunRecords {
    let methods = ["random-search", "regularized-evolution", "weak-predictor"]
    var queries: [QueryRecord] = []
    var recommended: [RecommendationRecord] = []
    var closing: [TrialRecord] = []
    for (taskIndex, task) in tasks.enumerated() {
      for (methodIndex, method) in methods.enumerated() {
        for trial in 0..<task.trials {
          var length = task.queries
          var status = TrialRecord.Status.completed
          var message: String?
          if taskIndex == 0 && methodIndex == 2 && trial == 5 {
            length = 60
            status = .exhausted
          }
          if taskIndex == 0 && methodIndex == 1 && trial == 7 {
            length = 40
            status = .failed
            message = "tell: proposal 3 was never asked"
          }
          var cumulative = 0.0
          for query in 1...length {
            let seed = UInt64(taskIndex * 1_000_000 + methodIndex * 100_000 + trial * 1000 + query)
            let shrink = 1 + Double(methodIndex * query) / 8
            let window = max(1, Int(Double(domainSize) / shrink))
            let index = Int(mix(seed) % UInt64(window))
            let cost = task.costs ? 50 + Double(index % 37) * 4 : 0
            cumulative += cost
            queries.append(
              QueryRecord(
                task: task.name, method: method, trial: trial, query: query, poolIndex: index, key: "arch-\(index)",
                signal: signal(index), report: report(index), cost: cost, cumulativeCost: cumulative,
                batch: (query - 1) / 10, methodSeconds: Double(query) * 0.001, initial: query <= 10))
            if recommendations && taskIndex == 0 && methodIndex == 2 && query % 10 == 0 {
              let pick = Int(mix(seed ^ 0xABCD) % UInt64(max(1, window / 4)))
              recommended.append(
                RecommendationRecord(
                  task: task.name, method: method, trial: trial, afterQuery: query, poolIndex: pick, key: "arch-\(pick)",
                  report: report(pick)))
            }
          }
          closing.append(
            TrialRecord(
              task: task.name, method: method, trial: trial, seed: UInt64(trial), status: status, message: message,
              queries: length, cost: cumulative, proposals: length + methodIndex * 3, refused: methodIndex,
              repeats: 2 * methodIndex, repeatsInBatch: 0, batches: (length + 9) / 10, methodSeconds: Double(length) * 0.001))
        }
      }
    }
    let manifest = RunManifest(
      harnessVersion: "0.1.0", gitCommit: "17b2a92", swiftVersion: "6.3.1", suiteName: "synthetic-suite",
      suiteHash: "feedc0de", dataChecksums: [:], numericBackend: "portable", machine: "Linux x86_64, 2 cores",
      workers: 2, shard: nil, started: "2025-06-01T10:00:00Z", ended: "2025-06-01T10:05:00Z",
      report: ReportSettings(checkpoints: [10, 25, 50, 100], bootstrapSamples: 300))
    return RunRecords(
      manifest: manifest, tasks: tasks.map { task($0.name, costs: $0.costs, caveat: $0.caveat) }, methods: methods,
      queries: queries, recommendations: recommended, trials: closing)
  }
}
