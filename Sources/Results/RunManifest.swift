/// Where a run came from: versions, data, machine and time (`manifest.json`).
public struct RunManifest: Hashable, Sendable, Codable {
  /// NASArena version string.
  public var harnessVersion: String
  /// Git commit of the working tree the tool was run from, when available.
  public var gitCommit: String?
  /// Swift compiler version the tool was built with.
  public var swiftVersion: String
  /// Name of the suite.
  public var suiteName: String
  /// Task names in suite order.
  public var tasks: [String]
  /// Method labels in suite order.
  public var methods: [String]
  /// Stable hash of the resolved suite (defaults filled in), hex; shards must share it.
  public var suiteHash: String
  /// SHA-256 of every data file the run read, by file name.
  public var dataChecksums: [String: String]
  /// Matrix-multiply backend and other numeric settings, e.g. `portable`.
  public var numericBackend: String
  /// Operating system, CPU model and core count.
  public var machine: String
  /// Worker tasks used (trials run in parallel).
  public var workers: Int
  /// Whether idle workers' cores were lent to the matrix products of the trials still running
  /// at the suite's tail (`run --tail-cores`; it never changes results); `nil` in older manifests.
  public var tailCores: Bool?
  /// Matrix products that used a lent core, over every process that ran this folder; `nil`
  /// while running and in older manifests.
  public var productsOnSpareCores: Int?
  /// The shard this folder holds, `i/N`, or `nil` for a whole run.
  public var shard: String?
  /// ISO 8601 time the run started.
  public var started: String
  /// ISO 8601 time the run ended, `nil` while it runs or if it was interrupted.
  public var ended: String?
  /// How the records are analysed.
  public var report: ReportSettings
  /// Every label-free pretraining the run used, in the order it was obtained (a resumed run
  /// appends its own; `nil` in runs without pretrainable methods and in older manifests).
  public var pretraining: [PretrainingRecord]?
  /// The suite's per-trial budget, which log readers check (`nil` in manifests written before
  /// it was recorded).
  public var budget: BudgetLimit?
  /// Every value of the resolved suite by key path (`budget.queries`, `methods[1].label`,
  /// ...), `workers` aside: what `run --resume` names when `suite.yaml` was edited (`nil` in
  /// manifests written before it was recorded).
  public var suiteValues: [String: String]?
  /// For each method label whose method is a reconstruction (rebuilt from a paper's text
  /// alone), the method's note saying so; reports print it (`nil` when no method is one, and
  /// in older manifests).
  public var reconstructions: [String: String]?

  /// Creates a manifest.
  public init(
    harnessVersion: String, gitCommit: String?, swiftVersion: String, suiteName: String,
    tasks: [String] = [], methods: [String] = [], suiteHash: String, dataChecksums: [String: String], numericBackend: String, machine: String,
    workers: Int, shard: String?, started: String, ended: String?, report: ReportSettings,
    budget: BudgetLimit? = nil, suiteValues: [String: String]? = nil
  ) {
    self.harnessVersion = harnessVersion
    self.gitCommit = gitCommit
    self.swiftVersion = swiftVersion
    self.suiteName = suiteName
    self.tasks = tasks
    self.methods = methods
    self.suiteHash = suiteHash
    self.dataChecksums = dataChecksums
    self.numericBackend = numericBackend
    self.machine = machine
    self.workers = workers
    self.shard = shard
    self.started = started
    self.ended = ended
    self.report = report
    self.budget = budget
    self.suiteValues = suiteValues
  }
}
