import SearchSpaces

/// One benchmark, dataset and choice of columns: what a suite runs methods on.
///
/// A task holds the labels (the search signal a query returns, the report metric that curves
/// and tables show, the simulated training cost) indexed by pool index, and the optimum of
/// each, computed from the table at load time. Only the harness's oracle holds a task; search
/// methods get `domain`, which carries no label.
public struct BenchmarkTask: Sendable {
  /// Stable kebab-case name used in suites, e.g. `nb201-cifar10`.
  public let name: String
  /// The benchmark family, e.g. `nas-bench-201`.
  public let benchmark: String
  /// The dataset, e.g. `cifar10`.
  public let dataset: String
  /// What a query returns (normally a validation metric), with its column name.
  public let signal: LabelColumn
  /// What curves and tables show (normally a test metric), with its column name.
  public let report: LabelColumn
  /// Simulated cost in seconds of evaluating an architecture, or `nil` when the table has none
  /// (then only query budgets are possible).
  public let cost: LabelColumn?
  /// The queryable architectures within their search space.
  public let domain: Domain
  /// A warning shown in docs and reports (e.g. "30k subset, validation only"), or `nil`.
  public let caveat: String?

  /// Creates a task.
  ///
  /// - Precondition: every column has `domain.space.poolSize` values, finite exactly at the
  ///   domain's indices.
  public init(
    name: String, benchmark: String, dataset: String, signal: LabelColumn, report: LabelColumn,
    cost: LabelColumn?, domain: Domain, caveat: String?
  ) {
    for column in [signal, report] + (cost.map { [$0] } ?? []) {
      precondition(
        column.values.count == domain.space.poolSize, "column \(column.name) has \(column.values.count) values for a pool of \(domain.space.poolSize)"
      )
    }
    self.name = name
    self.benchmark = benchmark
    self.dataset = dataset
    self.signal = signal
    self.report = report
    self.cost = cost
    self.domain = domain
    self.caveat = caveat
  }
}

/// One label column of a task, indexed by pool index (NaN where the pool index has no label).
public struct LabelColumn: Sendable {
  /// The column name in the benchmark table, e.g. `c10_valid_acc_200`.
  public let name: String
  /// The value for every pool index; NaN outside the domain.
  public let values: [Double]
  /// The largest value over the domain.
  public let maximum: Double
  /// The pool index holding `maximum` (the first one on ties).
  public let argmax: Int

  /// Creates a column and computes its optimum over the finite values.
  ///
  /// - Precondition: at least one value is finite.
  public init(name: String, values: [Double]) {
    var best = -Double.infinity
    var bestIndex = -1
    for (index, value) in values.enumerated() where value.isFinite && value > best {
      best = value
      bestIndex = index
    }
    precondition(bestIndex >= 0, "column \(name) has no finite value")
    self.name = name
    self.values = values
    self.maximum = best
    self.argmax = bestIndex
  }

  /// The value at pool index `index`.
  public subscript(index: Int) -> Double { values[index] }
}

extension BenchmarkTask {
  /// The test-of-best-signal ceiling: the report metric of the domain's best-signal
  /// architecture (the best report among signal ties), the most the `report_of_best_signal` curve can
  /// reach.
  public var bestSignalReport: Double {
    domain.indices.filter { signal[$0] == signal.maximum }.map { report[$0] }.max() ?? report[signal.argmax]
  }
}
