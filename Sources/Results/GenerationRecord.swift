/// What a generating method produced in one step, logged apart from the queries.
///
/// One line per step in which the method reported (`kind: generation`); the counts nest:
/// `generated >= valid >= unique >= novel`, `unique >= inDomain`.
public struct GenerationRecord: Hashable, Sendable, Codable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Trial index.
  public var trial: Int
  /// The step (batch number, from 0) whose `ask` generated the cells.
  public var batch: Int
  /// Counted queries made before the step's proposals were evaluated.
  public var afterQuery: Int
  /// Cells generated.
  public var generated: Int
  /// Generated cells valid in the search space.
  public var valid: Int
  /// Distinct valid architectures.
  public var unique: Int
  /// Unique architectures not queried before the step.
  public var novel: Int
  /// Unique architectures inside the domain.
  public var inDomain: Int
  /// Per token position, how often each token was generated; empty when not reported.
  public var tokenCounts: [[Int]]
  /// The method's training-loss series of the step, in the order it reported them; empty when
  /// it reported none (then the JSON line has no `lossCurves` key).
  public var lossCurves: [LossCurve]

  /// One named training-loss series of a step, e.g. `discriminator`: one value per training
  /// iteration, in order (NaN or infinite values are kept: they show instability).
  public struct LossCurve: Hashable, Sendable, Codable {
    /// Series name.
    public var name: String
    /// Loss values in training order.
    public var values: [Double]

    /// Creates a series.
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// Creates a record.
  public init(
    task: String, method: String, trial: Int, batch: Int, afterQuery: Int, generated: Int, valid: Int, unique: Int,
    novel: Int, inDomain: Int, tokenCounts: [[Int]], lossCurves: [LossCurve] = []
  ) {
    self.task = task
    self.method = method
    self.trial = trial
    self.batch = batch
    self.afterQuery = afterQuery
    self.generated = generated
    self.valid = valid
    self.unique = unique
    self.novel = novel
    self.inDomain = inDomain
    self.tokenCounts = tokenCounts
    self.lossCurves = lossCurves
  }

  /// The (task, method, trial) cell.
  public var cell: TrialCell { TrialCell(task: task, method: method, trial: trial) }

  /// Fraction of generated cells that are valid (NaN when nothing was generated).
  public var validity: Double { generated == 0 ? .nan : Double(valid) / Double(generated) }
  /// Fraction of valid cells that are distinct (NaN when none is valid).
  public var uniqueness: Double { valid == 0 ? .nan : Double(unique) / Double(valid) }
  /// Fraction of unique architectures not queried before (NaN when none is unique).
  public var novelty: Double { unique == 0 ? .nan : Double(novel) / Double(unique) }
}

// MARK: - Coding

extension GenerationRecord {
  private enum CodingKeys: String, CodingKey {
    case task, method, trial, batch, afterQuery, generated, valid, unique, novel, inDomain, tokenCounts, lossCurves
  }

  /// Decodes a line; `lossCurves` may be missing (lines of methods without curves, older logs).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      task: try container.decode(String.self, forKey: .task), method: try container.decode(String.self, forKey: .method),
      trial: try container.decode(Int.self, forKey: .trial), batch: try container.decode(Int.self, forKey: .batch),
      afterQuery: try container.decode(Int.self, forKey: .afterQuery), generated: try container.decode(Int.self, forKey: .generated),
      valid: try container.decode(Int.self, forKey: .valid), unique: try container.decode(Int.self, forKey: .unique),
      novel: try container.decode(Int.self, forKey: .novel), inDomain: try container.decode(Int.self, forKey: .inDomain),
      tokenCounts: try container.decode([[Int]].self, forKey: .tokenCounts),
      lossCurves: try container.decodeIfPresent([LossCurve].self, forKey: .lossCurves) ?? [])
  }

  /// Encodes the record; `lossCurves` only when there are some, so lines of other methods
  /// stay as they were.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(task, forKey: .task)
    try container.encode(method, forKey: .method)
    try container.encode(trial, forKey: .trial)
    try container.encode(batch, forKey: .batch)
    try container.encode(afterQuery, forKey: .afterQuery)
    try container.encode(generated, forKey: .generated)
    try container.encode(valid, forKey: .valid)
    try container.encode(unique, forKey: .unique)
    try container.encode(novel, forKey: .novel)
    try container.encode(inDomain, forKey: .inDomain)
    try container.encode(tokenCounts, forKey: .tokenCounts)
    if !lossCurves.isEmpty { try container.encode(lossCurves, forKey: .lossCurves) }
  }
}
