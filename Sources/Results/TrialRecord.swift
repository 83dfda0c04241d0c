/// The closing line of one trial: how it ended and what its proposals were like.
///
/// Written once, after the trial's last query line. A trial without one is unfinished and
/// is resumed.
public struct TrialRecord: Hashable, Sendable, Codable {
  /// How a trial ended.
  public enum Status: String, Hashable, Sendable, Codable {
    /// The budget was used up.
    case completed
    /// The method had nothing more to propose before the budget ended.
    case exhausted
    /// The method threw or broke the protocol; `message` says how.
    case failed
  }

  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Trial index.
  public var trial: Int
  /// The trial seed (shared by every method in this trial: the paired design).
  public var seed: UInt64
  /// How the trial ended.
  public var status: Status
  /// The error message when `status == .failed`.
  public var message: String?
  /// Counted queries.
  public var queries: Int
  /// Total simulated cost of the counted queries.
  public var cost: Double
  /// Proposals the method made in all.
  public var proposals: Int
  /// Proposals refused for any reason (the sum of the three counts below).
  public var refused: Int
  /// Proposals refused as not architectures of the search space.
  public var refusedInvalid: Int
  /// Proposals refused as valid architectures the pool does not hold.
  public var refusedNotInPool: Int
  /// Proposals refused as pool architectures outside the domain (no label).
  public var refusedOutsideDomain: Int
  /// Proposals of architectures already queried in this trial.
  public var repeats: Int
  /// Proposals repeated within one batch.
  public var repeatsInBatch: Int
  /// Ask/tell steps.
  public var batches: Int
  /// Wall-clock seconds the method spent in `ask` and `tell`.
  public var methodSeconds: Double

  /// Creates a record.
  public init(
    task: String, method: String, trial: Int, seed: UInt64, status: Status, message: String?,
    queries: Int, cost: Double, proposals: Int, refused: Int, refusedInvalid: Int = 0, refusedNotInPool: Int = 0,
    refusedOutsideDomain: Int = 0, repeats: Int, repeatsInBatch: Int, batches: Int, methodSeconds: Double
  ) {
    self.task = task
    self.method = method
    self.trial = trial
    self.seed = seed
    self.status = status
    self.message = message
    self.queries = queries
    self.cost = cost
    self.proposals = proposals
    self.refused = refused
    self.refusedInvalid = refusedInvalid
    self.refusedNotInPool = refusedNotInPool
    self.refusedOutsideDomain = refusedOutsideDomain
    self.repeats = repeats
    self.repeatsInBatch = repeatsInBatch
    self.batches = batches
    self.methodSeconds = methodSeconds
  }

  /// The (task, method, trial) cell.
  public var cell: TrialCell { TrialCell(task: task, method: method, trial: trial) }

  /// Fraction of proposals that were valid, in-domain architectures.
  public var validRate: Double { proposals == 0 ? 1 : Double(proposals - refused) / Double(proposals) }

  /// The same record with the wall-clock field zeroed.
  public var deterministic: TrialRecord {
    var copy = self
    copy.methodSeconds = 0
    return copy
  }
}

// MARK: - Decoding logs written before the refusal counts were split

extension TrialRecord {
  private enum CodingKeys: String, CodingKey {
    case task, method, trial, seed, status, message, queries, cost, proposals, refused
    case refusedInvalid, refusedNotInPool, refusedOutsideDomain
    case repeats, repeatsInBatch, batches, methodSeconds
  }

  /// Decodes a trial line; the three refusal counts are 0 when absent (older logs).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      task: try c.decode(String.self, forKey: .task), method: try c.decode(String.self, forKey: .method),
      trial: try c.decode(Int.self, forKey: .trial), seed: try c.decode(UInt64.self, forKey: .seed),
      status: try c.decode(Status.self, forKey: .status), message: try c.decodeIfPresent(String.self, forKey: .message),
      queries: try c.decode(Int.self, forKey: .queries), cost: try c.decode(Double.self, forKey: .cost),
      proposals: try c.decode(Int.self, forKey: .proposals), refused: try c.decode(Int.self, forKey: .refused),
      refusedInvalid: try c.decodeIfPresent(Int.self, forKey: .refusedInvalid) ?? 0,
      refusedNotInPool: try c.decodeIfPresent(Int.self, forKey: .refusedNotInPool) ?? 0,
      refusedOutsideDomain: try c.decodeIfPresent(Int.self, forKey: .refusedOutsideDomain) ?? 0,
      repeats: try c.decode(Int.self, forKey: .repeats), repeatsInBatch: try c.decode(Int.self, forKey: .repeatsInBatch),
      batches: try c.decode(Int.self, forKey: .batches), methodSeconds: try c.decode(Double.self, forKey: .methodSeconds))
  }
}
