/// A task a suite declares over a shipped benchmark with columns of its choice, e.g. the
/// NAS-Bench-201 paper's CIFAR-10 protocol (search on the 12-epoch validation accuracy, cost 12
/// epochs of training, report the 200-epoch test accuracy).
///
/// ```yaml
/// - name: nb201-cifar10-12ep
///   benchmark: nas-bench-201
///   signal: c10_valid_acc_12
///   report: c10_test_acc_200
///   cost: { column: train_time_per_epoch_s_c10, scale: 12 }
/// ```
public struct TaskDeclaration: Hashable, Sendable, Codable {
  /// A cost read from a column: `column x scale` simulated seconds per query.
  public struct Cost: Hashable, Sendable, Codable {
    /// The column.
    public var column: String
    /// The factor (e.g. epochs, when the column holds seconds per epoch).
    public var scale: Double

    /// Creates a cost rule.
    public init(column: String, scale: Double = 1) {
      self.column = column
      self.scale = scale
    }
  }

  /// The task's name in logs and reports.
  public var name: String
  /// The benchmark (`nas-bench-201`, `nas-bench-101`, `transnas-bench-101-micro`, `nas-bench-graph`).
  public var benchmark: String
  /// The dataset: required for NAS-Bench-Graph (which table rows), a label elsewhere.
  public var dataset: String?
  /// The search-signal column.
  public var signal: String
  /// The report column.
  public var report: String
  /// The cost, or `nil` for a task without one (then only query budgets apply).
  public var cost: Cost?

  /// Creates a declaration.
  public init(name: String, benchmark: String, dataset: String? = nil, signal: String, report: String, cost: Cost? = nil) {
    self.name = name
    self.benchmark = benchmark
    self.dataset = dataset
    self.signal = signal
    self.report = report
    self.cost = cost
  }
}

/// The columns one benchmark offers to tasks (what `nasarena data info` lists).
public struct BenchmarkColumns: Hashable, Sendable {
  /// Benchmark name, as in task declarations.
  public let benchmark: String
  /// Every numeric column a signal, report or cost may name.
  public let columns: [String]
  /// The datasets a declaration must choose from, or `nil` when the dataset is a free label.
  public let datasets: [String]?
}
