/// How a suite is run on this machine; none of it changes the results.
public struct RunOptions: Sendable {
  /// Trials at once; `nil` takes the suite's `workers` (0 there means one per core).
  public var workers: Int?
  /// The slice of cells to run, or `nil` for all.
  public var shard: Shard?
  /// Runs the cells trial by trial (every task and method of trial 0, then of trial 1, ...)
  /// instead of in canonical order, so a run stopped early holds paired trials of every
  /// method. Only the order of execution changes; the log's content and the cells do not.
  public var trialsFirst = false
  /// Lends the cores of idle workers to the matrix products of the trials still running once
  /// no trial is left to start (a suite's tail), through `SplittingBackend`. Results stay
  /// bit-identical; only wall-clock time changes.
  public var tailCores = true
  /// The numeric backend description for the manifest (set by the caller that chose it).
  public var numericBackend: String
  /// Called with progress after every finished trial.
  public var progress: (@Sendable (RunProgress) -> Void)?
  /// Where label-free pretraining is cached (shared by runs, shards and suites); a fresh
  /// memory-only cache when `nil`.
  public var cache: PretrainingCache?
  /// Called with messages for the person running: pretraining progress, cache warnings.
  public var log: (@Sendable (String) -> Void)?

  /// Creates options.
  public init(
    workers: Int? = nil, shard: Shard? = nil, numericBackend: String = "none", progress: (@Sendable (RunProgress) -> Void)? = nil,
    cache: PretrainingCache? = nil, log: (@Sendable (String) -> Void)? = nil
  ) {
    self.workers = workers
    self.shard = shard
    self.numericBackend = numericBackend
    self.progress = progress
    self.cache = cache
    self.log = log
  }
}

/// A snapshot of a running suite, for progress displays.
public struct RunProgress: Sendable {
  /// Trials finished in this process.
  public let finished: Int
  /// Trials this process has to run in all.
  public let total: Int
  /// Queries made by the finished trials.
  public let queries: Int
  /// Wall-clock seconds since this process started running trials.
  public let elapsedSeconds: Double
  /// Trials that failed so far.
  public let failed: Int
  /// Per method label with trials to run in this process, in suite order.
  public var methods: [MethodProgress] = []
  /// Trials run at once.
  public var workers = 1

  /// One method's share of the run.
  public struct MethodProgress: Sendable {
    /// The method label.
    public let method: String
    /// Its trials finished in this process.
    public let finished: Int
    /// Its trials still to run.
    public let remaining: Int
    /// Mean wall-clock seconds of its finished trials, `nil` before the first.
    public let secondsPerTrial: Double?
  }

  /// Wall-clock seconds left: each method's remaining trials at its mean trial time (methods
  /// without a finished trial at the mean of all), spread over the workers; `nil` before any
  /// trial has finished.
  public var secondsLeft: Double? {
    let known = methods.compactMap { method in method.secondsPerTrial.map { ($0, method.finished) } }
    let count = known.reduce(0) { $0 + $1.1 }
    guard count > 0 else { return nil }
    let overall = known.reduce(0) { $0 + $1.0 * Double($1.1) } / Double(count)
    let work = methods.reduce(0.0) { $0 + Double($1.remaining) * ($1.secondsPerTrial ?? overall) }
    return work / Double(max(1, min(workers, methods.reduce(0) { $0 + $1.remaining })))
  }
}

/// What a finished run did.
public struct RunSummary: Sendable {
  /// The run folder.
  public let folder: String
  /// Trials run now (not counting those finished by an earlier, interrupted run).
  public let trialsRun: Int
  /// Trials already finished before this process started.
  public let trialsSkipped: Int
  /// Trials that failed, with their messages.
  public let failures: [String]
  /// Queries made now.
  public let queries: Int
  /// Wall-clock seconds.
  public let seconds: Double
  /// Matrix products that used an idle worker's core (see `RunOptions.tailCores`).
  public var productsOnSpareCores = 0
}
