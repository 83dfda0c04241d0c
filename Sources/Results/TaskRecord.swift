/// What the analysis needs to know about a task, written once per run (`tasks.json`).
///
/// Optima and top-fraction thresholds are computed from the benchmark table at load time, so
/// reports can compute regret and queries-to-optimum from the log alone.
public struct TaskRecord: Hashable, Sendable, Codable {
  /// Task name.
  public var name: String
  /// Benchmark family.
  public var benchmark: String
  /// Dataset.
  public var dataset: String
  /// Column of the search signal.
  public var signalColumn: String
  /// Column of the report metric.
  public var reportColumn: String
  /// Column of the cost, if any.
  public var costColumn: String?
  /// Queryable architectures.
  public var domainSize: Int
  /// Architectures in the pool (labelled or not).
  public var poolSize: Int
  /// Best search signal over the domain.
  public var optimumSignal: Double
  /// Best report metric over the domain.
  public var optimumReport: Double
  /// Report metric reached by the best 0.1 % of the domain (at least one architecture).
  public var topPermilleReport: Double
  /// Report metric reached by the best 1 % of the domain (at least one architecture).
  public var topPercentReport: Double
  /// A warning for reports, e.g. that the table is a subset.
  public var caveat: String?
  /// The test-of-best-signal ceiling: the report metric of the architecture with the best
  /// search signal (the best such value on signal ties), the most the `report_of_best_signal` curve can
  /// reach. Below `optimumReport` when the best-signal and best-report architectures differ
  /// (NAS-Bench-201 ImageNet16-120); `nil` in task records written before it existed.
  public var bestSignalReport: Double?
  /// Per-position token frequencies of the whole domain and of its top 1 %, the reference for
  /// generated architectures; `nil` in task records written before it existed.
  public var signature: TokenSignature?

  /// Creates a record.
  public init(
    name: String, benchmark: String, dataset: String, signalColumn: String, reportColumn: String,
    costColumn: String?, domainSize: Int, poolSize: Int, optimumSignal: Double,
    optimumReport: Double, topPermilleReport: Double, topPercentReport: Double, caveat: String?, bestSignalReport: Double? = nil,
    signature: TokenSignature? = nil
  ) {
    self.name = name
    self.benchmark = benchmark
    self.dataset = dataset
    self.signalColumn = signalColumn
    self.reportColumn = reportColumn
    self.costColumn = costColumn
    self.domainSize = domainSize
    self.poolSize = poolSize
    self.optimumSignal = optimumSignal
    self.optimumReport = optimumReport
    self.topPermilleReport = topPermilleReport
    self.topPercentReport = topPercentReport
    self.caveat = caveat
    self.bestSignalReport = bestSignalReport
    self.signature = signature
  }
}
