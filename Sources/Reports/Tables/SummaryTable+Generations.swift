import Analysis

extension SummaryTable {
  /// Per generating method and round: what it generated and how much of it was valid,
  /// unique, novel and queryable; `nil` when no method reported generations on the task.
  static func generations(_ rounds: [GenerationRound]) -> SummaryTable? {
    guard !rounds.isEmpty else { return nil }
    var table = SummaryTable(
      header: ["method", "round", "trials", "generated", "validity", "uniqueness", "novelty", "in domain"])
    for round in rounds {
      table.append([
        SummaryTable.Cell(round.method), SummaryTable.Cell(String(round.batch)), SummaryTable.Cell(String(round.trials)),
        SummaryTable.Cell(String(round.generated)), rate(round.validity), rate(round.uniqueness), rate(round.novelty),
        rate(round.inDomainRate),
      ])
    }
    return table
  }

  private static func rate(_ value: Double) -> SummaryTable.Cell {
    value.isNaN ? "–" : SummaryTable.Cell(NumberFormat.fixed(value, 3))
  }
}

extension TaskFacts {
  /// How to read the generation table.
  static let generationNote =
    "Pooled over the trials that reported in the round: validity = valid / generated, uniqueness = unique / valid "
    + "(isomorphic cells count once), novelty = not queried before the round / unique, in domain = queryable / unique."
}
