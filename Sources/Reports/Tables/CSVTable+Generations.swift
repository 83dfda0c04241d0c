import Analysis

extension CSVTable {
  /// `generations.csv`: per task, generating method and round, the pooled counts and rates,
  /// or `nil` when no method reported generations.
  static func generations(_ analysis: RunAnalysis) -> CSVTable? {
    guard !analysis.generationRounds.isEmpty else { return nil }
    var table = CSVTable(
      name: "generations.csv",
      header: [
        "task", "method", "batch", "trials", "generated", "valid", "unique", "novel", "in_domain", "validity",
        "uniqueness", "novelty", "in_domain_rate",
      ])
    for round in analysis.generationRounds {
      table.append(
        [round.task, round.method]
          + [round.batch, round.trials, round.generated, round.valid, round.unique, round.novel, round.inDomain].map(String.init)
          + [round.validity, round.uniqueness, round.novelty, round.inDomainRate].map(NumberFormat.csv))
    }
    return table
  }
}
