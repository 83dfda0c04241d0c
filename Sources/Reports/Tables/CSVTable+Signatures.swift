import Analysis

extension CSVTable {
  /// `signatures.csv`: per task, generating method, round (or `all`), position and token, the
  /// generated share beside the top 1 %'s and the domain's; `nil` when no method reported
  /// token counts on a task with a signature.
  static func signatures(_ analysis: RunAnalysis) -> CSVTable? {
    guard !analysis.signatures.isEmpty else { return nil }
    var table = CSVTable(
      name: "signatures.csv", header: ["task", "method", "round", "position", "kind", "token", "generated", "top_1_percent", "domain"])
    for signature in analysis.signatures {
      let reference = signature.reference
      let top = reference.topFrequencies
      let domain = reference.domainFrequencies
      for round in signature.rounds + [signature.pooled] {
        for (index, position) in reference.positions.enumerated() {
          for (token, name) in position.tokens.enumerated() {
            table.append(
              [
                signature.task, signature.method, round.batch.map(String.init) ?? "all", position.name,
                position.role == .connection ? "edge" : "operation", name,
              ] + [round.frequencies[index][token], top[index][token], domain[index][token]].map(NumberFormat.csv))
          }
        }
      }
    }
    return table
  }
}
