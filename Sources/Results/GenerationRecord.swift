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

  /// Creates a record.
  public init(
    task: String, method: String, trial: Int, batch: Int, afterQuery: Int, generated: Int, valid: Int, unique: Int,
    novel: Int, inDomain: Int, tokenCounts: [[Int]]
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
