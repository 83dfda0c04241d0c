import Benchmarks
import Results

/// Where the harness gets its tasks: the benchmark catalog, or a tiny test benchmark.
public protocol TaskSource: Sendable {
  /// Every task name this source can load, in a stable order.
  var taskNames: [String] { get }
  /// Loads one task.
  ///
  /// - Throws: when the data is missing or corrupt, or the name is unknown.
  func task(named name: String) throws -> BenchmarkTask
  /// SHA-256 (hex) of every data file the named tasks read, by file name.
  func dataChecksums(for taskNames: [String]) throws -> [String: String]
  /// Loads a task a suite declares over one of the source's benchmarks.
  ///
  /// - Throws: when the source has no such benchmark or the data is missing or corrupt.
  func task(declared declaration: TaskDeclaration) throws -> BenchmarkTask
  /// SHA-256 (hex) of every data file a declared task reads, by file name.
  func dataChecksums(declared declaration: TaskDeclaration) throws -> [String: String]
}

extension TaskSource {
  /// Sources without benchmark tables have no declared tasks.
  public func task(declared declaration: TaskDeclaration) throws -> BenchmarkTask {
    throw BenchmarkError.unknownTask(name: declaration.name, known: taskNames)
  }

  /// Sources without benchmark tables have no declared tasks.
  public func dataChecksums(declared declaration: TaskDeclaration) throws -> [String: String] {
    throw BenchmarkError.unknownTask(name: declaration.name, known: taskNames)
  }
}

/// The tasks one suite can use: the source's named tasks and the suite's declared ones.
struct SuiteTaskSource: TaskSource {
  let base: any TaskSource
  let declared: [String: TaskDeclaration]

  init(base: any TaskSource, declarations: [TaskDeclaration]) {
    self.base = base
    self.declared = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  var taskNames: [String] { base.taskNames + declared.keys.sorted() }

  func task(named name: String) throws -> BenchmarkTask {
    if let declaration = declared[name] { return try base.task(declared: declaration) }
    return try base.task(named: name)
  }

  func dataChecksums(for taskNames: [String]) throws -> [String: String] {
    var checksums = try base.dataChecksums(for: taskNames.filter { declared[$0] == nil })
    for name in taskNames {
      guard let declaration = declared[name] else { continue }
      checksums.merge(try base.dataChecksums(declared: declaration)) { first, _ in first }
    }
    return checksums
  }
}

extension Suite {
  /// The tasks this suite names or declares, over `source`.
  func taskSource(over source: any TaskSource) -> any TaskSource {
    declaredTasks.isEmpty ? source : SuiteTaskSource(base: source, declarations: declaredTasks)
  }
}

extension BenchmarkTask {
  /// The analysis-side description of this task: columns, sizes, optima, the report metric
  /// reached by the best 0.1 % and 1 % of the domain, and the token signature of the domain
  /// and of its top 1 %.
  ///
  /// - Complexity: O(n log n) in the domain size, plus one tokenisation per domain
  ///   architecture.
  public var record: TaskRecord {
    let reports = domain.indices.map { report[$0] }.sorted(by: >)
    func threshold(_ fraction: Double) -> Double {
      let count = max(1, Int((fraction * Double(reports.count)).rounded(.up)))
      return reports[min(count, reports.count) - 1]
    }
    let topPercent = threshold(0.01)
    return TaskRecord(
      name: name, benchmark: benchmark, dataset: dataset, signalColumn: signal.name,
      reportColumn: report.name, costColumn: cost?.name, domainSize: domain.count,
      poolSize: domain.space.poolSize, optimumSignal: signal.maximum, optimumReport: report.maximum,
      topPermilleReport: threshold(0.001), topPercentReport: topPercent, caveat: caveat, bestSignalReport: bestSignalReport,
      signature: TokenSignature(task: self, topThreshold: topPercent))
  }
}
