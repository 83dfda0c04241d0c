import Results

/// Builds small hand-checkable run records for the analysis tests.
enum RunRecordsFixture {
  static func task(_ name: String = "toy") -> TaskRecord {
    TaskRecord(
      name: name, benchmark: "toy-bench", dataset: "toy-data", signalColumn: "valid", reportColumn: "test",
      costColumn: "seconds", domainSize: 1000, poolSize: 1000, optimumSignal: 10, optimumReport: 10,
      topPermilleReport: 9, topPercentReport: 8, caveat: nil)
  }

  static func manifest(_ settings: ReportSettings) -> RunManifest {
    RunManifest(
      harnessVersion: "test", gitCommit: "abc123", swiftVersion: "6", suiteName: "fixture", suiteHash: "00",
      dataChecksums: [:], numericBackend: "portable", machine: "test machine", workers: 1, shard: nil,
      started: "2025-01-01T00:00:00Z", ended: "2025-01-01T00:01:00Z", report: settings)
  }

  /// One trial's query records; `signals` default to the reports.
  static func queries(
    task: String = "toy", method: String, trial: Int, reports: [Double], signals: [Double]? = nil,
    costPerQuery: Double = 1
  ) -> [QueryRecord] {
    let signals = signals ?? reports
    return reports.indices.map { index in
      QueryRecord(
        task: task, method: method, trial: trial, query: index + 1, poolIndex: index, key: "k\(index)",
        signal: signals[index], report: reports[index], cost: costPerQuery,
        cumulativeCost: costPerQuery * Double(index + 1), batch: index, methodSeconds: 0, initial: index == 0)
    }
  }

  static func closing(
    method: String, trial: Int, status: TrialRecord.Status, queries: Int, proposals: Int? = nil, refused: Int = 0,
    message: String? = nil
  ) -> TrialRecord {
    TrialRecord(
      task: "toy", method: method, trial: trial, seed: UInt64(trial), status: status, message: message,
      queries: queries, cost: Double(queries), proposals: proposals ?? queries, refused: refused, repeats: 1,
      repeatsInBatch: 0, batches: queries, methodSeconds: 0.5)
  }

  /// Two methods on one task, worked by hand in `RunAnalysisTests`.
  ///
  /// a/0: signals 1,3,2,3 reports 5,7,9,8 -> report_of_best_signal 5,7,7,7; oracle_max 5,7,9,9
  /// a/1: signals 2,1,5 reports 6,10,9 (exhausted) -> report_of_best_signal 6,6,9; oracle_max 6,10,10
  /// a/2: reports 4,5,6,7 (no closing record)
  /// b/0: 3,4,5,6  b/1: 8,8,8,8  b/2: 2,9,9,10 (failed)  b/3: failed before any query
  static func twoMethods(
    settings: ReportSettings = ReportSettings(
      checkpoints: [2, 4, 50], secondsGridPoints: 4, bootstrapSamples: 500, bootstrapSeed: 7
    )
  ) -> RunRecords {
    var queries: [QueryRecord] = []
    queries += Self.queries(method: "a", trial: 0, reports: [5, 7, 9, 8], signals: [1, 3, 2, 3])
    queries += Self.queries(method: "a", trial: 1, reports: [6, 10, 9], signals: [2, 1, 5])
    queries += Self.queries(method: "a", trial: 2, reports: [4, 5, 6, 7])
    queries += Self.queries(method: "b", trial: 0, reports: [3, 4, 5, 6], costPerQuery: 2)
    queries += Self.queries(method: "b", trial: 1, reports: [8, 8, 8, 8], costPerQuery: 2)
    queries += Self.queries(method: "b", trial: 2, reports: [2, 9, 9, 10], costPerQuery: 2)
    queries += Self.queries(task: "ghost", method: "a", trial: 0, reports: [1])
    let trials = [
      closing(method: "a", trial: 0, status: .completed, queries: 4, proposals: 5, refused: 1),
      closing(method: "a", trial: 1, status: .exhausted, queries: 3),
      closing(method: "b", trial: 0, status: .completed, queries: 4),
      closing(method: "b", trial: 1, status: .completed, queries: 4),
      closing(method: "b", trial: 2, status: .failed, queries: 4, message: "boom"),
      closing(method: "b", trial: 3, status: .failed, queries: 0, message: "crash at start"),
    ]
    let recommendation = RecommendationRecord(
      task: "toy", method: "a", trial: 0, afterQuery: 2, poolIndex: 99, key: "rec", report: 9.5)
    return RunRecords(
      manifest: manifest(settings), tasks: [task()], methods: ["a", "b"], queries: queries.reversed(),
      recommendations: [recommendation], trials: trials)
  }
}
