import SearchSpaces

/// Cold-load timings of every benchmark family, for `nasarena perf`.
extension TaskCatalog {
  /// Loads every family's tables again, bypassing the process cache, and builds one task of
  /// each, timing each step with the monotonic clock. Verification (SHA-256), inflation and
  /// parsing are included; results do not replace the cached tables.
  ///
  /// Reference figures (release build, shared 2-core machine): NAS-Bench-201 task about
  /// 0.05 s, NAS-Bench-Graph table + 9 tasks about 0.25 s, NAS-Bench-101 pool with hashes
  /// about 0.5 s.
  /// - Throws: any error of loading the tables.
  /// - Complexity: O(total data size), about 1 s.
  public func measureLoading() throws -> [LoadTiming] {
    var timings: [LoadTiming] = []
    func time(_ what: String, _ body: () throws -> Void) rethrows {
      let clock = ContinuousClock()
      let start = clock.now
      try body()
      let elapsed = clock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      timings.append(LoadTiming(what: what, seconds: seconds))
    }
    try time("nb201-cifar10 (table + task)") {
      let table = try NASBench201Space.loadTable(from: data)
      _ = try nasBench201Task(Self.definition(named: "nb201-cifar10"), table: table)
    }
    try time("transnas-micro (table + 7 tasks)") {
      let table = try TransNASMicroSpace.loadTable(from: data)
      for (suffix, _) in Self.transNASTasks {
        _ = try transNASMicroTask(Self.definition(named: "transnas-micro-" + suffix), table: table)
      }
    }
    try time("nas-bench-graph (table + 9 tasks)") {
      let table = try NASBenchGraphTable.load(from: data)
      for dataset in NASBenchGraphTable.datasets {
        _ = try nasBenchGraphTask(Self.definition(named: "nbgraph-" + dataset), table: table)
      }
    }
    var pool: NASBench101Pool?
    try time("nb101 pool (423,624 cells with hashes)") { pool = try NASBench101Pool.load(from: data) }
    if let pool {
      try time("nb101-30k labels + task") {
        let labels = try NASBench101Labels.load(from: data, pool: pool)
        _ = try nasBench101Task(Self.definition(named: "nb101-30k"), pool: pool, labels: labels)
      }
    }
    return timings
  }

  /// The peak resident memory of this process in bytes (Linux `VmHWM`), or `nil` where
  /// unavailable.
  public static func peakResidentMemoryBytes() -> Int? {
    SystemFiles.peakResidentBytes()
  }
}

/// How long one loading step took.
public struct LoadTiming: Sendable, Hashable {
  /// What was loaded, e.g. `nb201-cifar10 (table + task)`.
  public let what: String
  /// Wall-clock seconds.
  public let seconds: Double
}
