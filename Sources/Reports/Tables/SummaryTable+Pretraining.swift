import Analysis
import Results

extension SummaryTable {
  /// One row per label-free pretraining the run used: method, space, where the value came
  /// from, its time (apart from the trials' method time), size and key hash; `nil` when the
  /// run used none.
  static func pretraining(_ analysis: RunAnalysis) -> SummaryTable? {
    guard let records = analysis.manifest.pretraining, !records.isEmpty else { return nil }
    var table = SummaryTable(
      header: ["method", "space", "origin", "pretraining s", "load s", "bytes", "key sha256", "content sha256"], textColumns: [0, 1, 2, 6, 7])
    for record in records {
      table.append([
        SummaryTable.Cell(record.method), SummaryTable.Cell(record.space), SummaryTable.Cell(record.origin.rawValue),
        SummaryTable.Cell(NumberFormat.csv(record.pretrainingSeconds)), SummaryTable.Cell(NumberFormat.csv(record.loadSeconds)),
        SummaryTable.Cell(String(record.bytes)), SummaryTable.Cell(String(record.keyHash.prefix(16))),
        SummaryTable.Cell(String(record.contentHash.prefix(16))),
      ])
    }
    return table
  }

  /// The note under the pretraining table.
  static let pretrainingNote =
    "Label-free pretraining is computed once per cache key (method, space and pool, pretraining settings, seed, code version) and shared by every trial with that key; its time is not part of any trial's method seconds. The whole keys and per-epoch progress are in manifest.json."
}
