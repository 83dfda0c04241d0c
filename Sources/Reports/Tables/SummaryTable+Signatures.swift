import Analysis
import Results

extension SummaryTable {
  /// Per token position: the top 1 %'s most frequent token and its share there, and that
  /// token's share among the generated cells (all rounds pooled) and over the whole domain.
  /// Connection positions (NAS-Bench-101's edge bits) are labelled as edges.
  static func signature(_ signature: GeneratedSignature) -> SummaryTable {
    var table = SummaryTable(header: ["position", "kind", "top-1 % token", "top 1 %", "generated", "domain"])
    table.textColumns = [1, 2]
    let reference = signature.reference
    let top = reference.topFrequencies
    let domain = reference.domainFrequencies
    for (index, position) in reference.positions.enumerated() {
      let best = top[index].indices.max { top[index][$0] < top[index][$1] || (top[index][$0] == top[index][$1] && $0 > $1) } ?? 0
      table.append([
        SummaryTable.Cell(position.name), SummaryTable.Cell(position.role == .connection ? "edge" : "operation"),
        SummaryTable.Cell(position.tokens[best]), share(top[index][best]), share(signature.pooled.frequencies[index][best]),
        share(domain[index][best]),
      ])
    }
    return table
  }

  /// Per round and over all rounds: the cells counted and the distances of the generated
  /// frequencies to the top 1 % and to the domain.
  static func signatureRounds(_ signature: GeneratedSignature) -> SummaryTable {
    var table = SummaryTable(header: ["round", "trials", "cells", "TV to top 1 %", "TV to domain", "KL(top 1 % ‖ generated)"])
    for round in signature.rounds + [signature.pooled] {
      table.append([
        SummaryTable.Cell(round.batch.map(String.init) ?? "all"), SummaryTable.Cell(String(round.trials)),
        SummaryTable.Cell(String(round.cells)), share(round.distanceToTop), share(round.distanceToDomain),
        share(round.divergenceFromTop),
      ])
    }
    return table
  }

  private static func share(_ value: Double) -> SummaryTable.Cell {
    value.isFinite ? SummaryTable.Cell(NumberFormat.fixed(value, 3)) : "–"
  }
}

extension TaskFacts {
  /// How to read the signature tables of one method.
  static func signatureNote(_ signature: GeneratedSignature, task: TaskRecord) -> String {
    let reference = signature.reference
    let baseline = GeneratedSignature.totalVariation(reference.topFrequencies, reference.domainFrequencies)
    return "Token shares per position. Generated: \(signature.pooled.cells) generated cells with tokens (valid or not), pooled over "
      + "\(signature.rounds.count) rounds and \(signature.pooled.trials) trials; top 1 %: the \(reference.topCount) domain "
      + "architectures with `\(task.reportColumn)` ≥ \(NumberFormat.fixed(task.topPercentReport, ValueDigits(task).decimals)); domain: all "
      + "\(reference.domainCount). TV = mean over positions of ½ Σ |p − q| (0 = same shares, 1 = disjoint); "
      + "KL(top 1 % ‖ generated) in nats, mean over positions, generated counts + \(NumberFormat.fixed(GeneratedSignature.smoothing, 1)) "
      + "each. For scale: TV(top 1 %, domain) = \(NumberFormat.fixed(baseline, 3))."
  }
}
