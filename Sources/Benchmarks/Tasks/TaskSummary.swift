/// What `nasarena data info` prints about one task.
public struct TaskSummary: Sendable, Hashable, CustomStringConvertible {
  /// Task name, e.g. `nb201-cifar10`.
  public let name: String
  /// Benchmark family, e.g. `nas-bench-201`.
  public let benchmark: String
  /// Dataset, e.g. `cifar10`.
  public let dataset: String
  /// Number of queryable architectures.
  public let domainSize: Int
  /// Number of architectures in the search space (labelled or not).
  public let poolSize: Int
  /// Column of the search signal.
  public let signalColumn: String
  /// Column of the report metric.
  public let reportColumn: String
  /// Cost column (with its scale), or `nil` when the task has no cost.
  public let costColumn: String?
  /// Best search signal over the domain.
  public let signalOptimum: Double
  /// Best report metric over the domain.
  public let reportOptimum: Double
  /// Warning for docs and reports, if any.
  public let caveat: String?
  /// Report metric of the best-signal architecture (best on ties): the `report_of_best_signal` ceiling.
  public let bestSignalReport: Double

  /// The summary of `task`.
  public init(_ task: BenchmarkTask) {
    name = task.name
    benchmark = task.benchmark
    dataset = task.dataset
    domainSize = task.domain.count
    poolSize = task.domain.space.poolSize
    signalColumn = task.signal.name
    reportColumn = task.report.name
    costColumn = task.cost?.name
    signalOptimum = task.signal.maximum
    reportOptimum = task.report.maximum
    caveat = task.caveat
    bestSignalReport = task.bestSignalReport
  }

  /// One line: name, sizes, columns, optima, caveat.
  public var description: String {
    var line = "\(name) [\(benchmark) / \(dataset)] domain \(domainSize), pool \(poolSize); "
    line +=
      "signal \(signalColumn) (max \(Self.format(signalOptimum))), report \(reportColumn) (max \(Self.format(reportOptimum)), at the best signal \(Self.format(bestSignalReport))), "
    line += "cost \(costColumn ?? "none")"
    if let caveat { line += "; caveat: \(caveat)" }
    return line
  }

  /// A number with four decimals, without Foundation.
  static func format(_ value: Double) -> String {
    let scaled = (abs(value) * 10_000).rounded()
    let whole = Int(scaled / 10_000)
    let fraction = Int(scaled.truncatingRemainder(dividingBy: 10_000))
    let digits = String(fraction)
    return (value < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
  }
}
