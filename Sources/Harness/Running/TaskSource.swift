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
}

extension BenchmarkTask {
  /// The analysis-side description of this task: columns, sizes, optima and the report
  /// metric reached by the best 0.1 % and 1 % of the domain.
  ///
  /// - Complexity: O(n log n) in the domain size.
  public var record: TaskRecord {
    let reports = domain.indices.map { report[$0] }.sorted(by: >)
    func threshold(_ fraction: Double) -> Double {
      let count = max(1, Int((fraction * Double(reports.count)).rounded(.up)))
      return reports[min(count, reports.count) - 1]
    }
    return TaskRecord(
      name: name, benchmark: benchmark, dataset: dataset, signalColumn: signal.name,
      reportColumn: report.name, costColumn: cost?.name, domainSize: domain.count,
      poolSize: domain.space.poolSize, optimumSignal: signal.maximum, optimumReport: report.maximum,
      topPermilleReport: threshold(0.001), topPercentReport: threshold(0.01), caveat: caveat)
  }
}
