import Results

/// What a generating method produced in one round (step), over the trials of one task.
///
/// Rates are pooled over the trials that reported in this round: validity = valid /
/// generated, uniqueness = unique / valid, novelty = novel / unique, in-domain = in-domain /
/// unique (NaN when the denominator is 0).
public struct GenerationRound: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// The step (batch number, from 0).
  public var batch: Int
  /// Trials that reported in this step.
  public var trials: Int
  /// Cells generated, summed over those trials.
  public var generated: Int
  /// Valid cells, summed.
  public var valid: Int
  /// Unique valid architectures, summed.
  public var unique: Int
  /// Novel architectures, summed.
  public var novel: Int
  /// Unique architectures inside the domain, summed.
  public var inDomain: Int

  /// Valid over generated.
  public var validity: Double { ratio(valid, generated) }
  /// Unique over valid.
  public var uniqueness: Double { ratio(unique, valid) }
  /// Novel over unique.
  public var novelty: Double { ratio(novel, unique) }
  /// In-domain over unique.
  public var inDomainRate: Double { ratio(inDomain, unique) }

  /// One round per (task, method, batch) of `records`, sorted by task, method and batch.
  ///
  /// - Complexity: O(records log records).
  public static func all(_ records: [GenerationRecord]) -> [GenerationRound] {
    let groups = Dictionary(grouping: records) { GroupKey(task: $0.task, method: $0.method, batch: $0.batch) }
    return groups.map { key, group in
      GenerationRound(
        task: key.task, method: key.method, batch: key.batch, trials: Set(group.map(\.trial)).count,
        generated: group.reduce(0) { $0 + $1.generated }, valid: group.reduce(0) { $0 + $1.valid },
        unique: group.reduce(0) { $0 + $1.unique }, novel: group.reduce(0) { $0 + $1.novel },
        inDomain: group.reduce(0) { $0 + $1.inDomain })
    }
    .sorted { ($0.task, $0.method, $0.batch) < ($1.task, $1.method, $1.batch) }
  }

  private struct GroupKey: Hashable {
    let task: String
    let method: String
    let batch: Int
  }
}

private func ratio(_ part: Int, _ whole: Int) -> Double {
  whole == 0 ? .nan : Double(part) / Double(whole)
}
