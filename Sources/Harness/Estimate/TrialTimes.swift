import Results

/// Measured seconds of finished trials of one (task, method label), and where they were measured.
public struct TrialTimes: Sendable, Equatable {
  /// Task name.
  public let task: String
  /// Method label.
  public let method: String
  /// Seconds per trial: the method's time in `ask` and `tell` plus, when known, the harness's
  /// share per trial (oracle, log).
  public let seconds: [Double]
  /// Where the trials ran: `sampled now` or a run folder.
  public let source: String
  /// The matrix-multiply backend those trials used, as the run manifest records it.
  public let backend: String

  /// Creates the times of one (task, method).
  public init(task: String, method: String, seconds: [Double], source: String, backend: String) {
    self.task = task
    self.method = method
    self.seconds = seconds
    self.source = source
    self.backend = backend
  }

  /// Mean seconds per trial (0 without trials).
  public var mean: Double { seconds.isEmpty ? 0 : seconds.reduce(0, +) / Double(seconds.count) }

  /// Sample standard deviation over trials (0 with fewer than two).
  public var standardDeviation: Double {
    guard seconds.count > 1 else { return 0 }
    let mean = mean
    return (seconds.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(seconds.count - 1)).squareRoot()
  }

  /// The completed trials of `records`, grouped by (task, method), in first-seen order.
  ///
  /// - Parameter overheadPerTrial: harness seconds added to each trial's method time.
  static func grouped(
    _ records: [TrialRecord], source: String, backend: String, overheadPerTrial: Double = 0
  ) -> [TrialTimes] {
    var order: [(task: String, method: String)] = []
    var seconds: [String: [Double]] = [:]
    for record in records where record.status != .failed {
      let key = SuiteEstimate.pairKey(record.task, record.method)
      if seconds[key] == nil { order.append((record.task, record.method)) }
      seconds[key, default: []].append(record.methodSeconds + overheadPerTrial)
    }
    return order.map {
      TrialTimes(
        task: $0.task, method: $0.method, seconds: seconds[SuiteEstimate.pairKey($0.task, $0.method)] ?? [], source: source, backend: backend)
    }
  }
}
