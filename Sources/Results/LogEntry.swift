/// One line of a run's log (`queries.jsonl`): a query, a recommendation, a generator's step
/// report or a trial's end.
///
/// Encoded as a JSON object with a `kind` field (`query`, `recommendation`, `generation`,
/// `trial`) and the
/// record's fields beside it, so `pandas.read_json(path, lines=True)` reads the log directly.
public enum LogEntry: Hashable, Sendable {
  /// A counted query.
  case query(QueryRecord)
  /// A method's recommendation.
  case recommendation(RecommendationRecord)
  /// What a generating method produced in one step.
  case generation(GenerationRecord)
  /// The end of a trial.
  case trial(TrialRecord)

  /// The (task, method, trial) cell of the line.
  public var cell: TrialCell {
    switch self {
    case .query(let record): record.cell
    case .recommendation(let record): TrialCell(task: record.task, method: record.method, trial: record.trial)
    case .generation(let record): record.cell
    case .trial(let record): record.cell
    }
  }

  /// The line with wall-clock fields zeroed.
  public var deterministic: LogEntry {
    switch self {
    case .query(let record): .query(record.deterministic)
    case .recommendation, .generation: self
    case .trial(let record): .trial(record.deterministic)
    }
  }
}

extension LogEntry: Codable {
  private enum Kind: String, Codable { case query, recommendation, generation, trial }
  private enum KindKey: String, CodingKey { case kind }

  /// Decodes a line by its `kind` field.
  public init(from decoder: any Decoder) throws {
    let kind = try decoder.container(keyedBy: KindKey.self).decode(Kind.self, forKey: .kind)
    switch kind {
    case .query: self = .query(try QueryRecord(from: decoder))
    case .recommendation: self = .recommendation(try RecommendationRecord(from: decoder))
    case .generation: self = .generation(try GenerationRecord(from: decoder))
    case .trial: self = .trial(try TrialRecord(from: decoder))
    }
  }

  /// Encodes the record's fields and its `kind`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: KindKey.self)
    switch self {
    case .query(let record):
      try container.encode(Kind.query, forKey: .kind)
      try record.encode(to: encoder)
    case .recommendation(let record):
      try container.encode(Kind.recommendation, forKey: .kind)
      try record.encode(to: encoder)
    case .generation(let record):
      try container.encode(Kind.generation, forKey: .kind)
      try record.encode(to: encoder)
    case .trial(let record):
      try container.encode(Kind.trial, forKey: .kind)
      try record.encode(to: encoder)
    }
  }
}
