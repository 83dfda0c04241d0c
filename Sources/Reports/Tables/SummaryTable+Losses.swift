import Analysis

extension SummaryTable {
  /// Per method, round and loss series: the trials that reported it and the mean over them
  /// of the series' first and last value in the round; `nil` when no method reported loss
  /// curves on the task.
  static func losses(_ rounds: [LossCurveRound]) -> SummaryTable? {
    guard !rounds.isEmpty else { return nil }
    var table = SummaryTable(header: ["method", "round", "series", "trials", "iterations", "first", "last"])
    table.textColumns = [2]
    for round in rounds {
      table.append([
        SummaryTable.Cell(round.method), SummaryTable.Cell(String(round.batch)), SummaryTable.Cell(round.series),
        SummaryTable.Cell(String(round.trials)), SummaryTable.Cell(String(round.meanValues.count)), loss(round.meanFirst),
        loss(round.meanLast),
      ])
    }
    return table
  }

  private static func loss(_ value: Double) -> SummaryTable.Cell {
    value.isNaN ? "NaN" : SummaryTable.Cell(NumberFormat.significant(value, 4))
  }
}

extension TaskFacts {
  /// How to read the training-loss table.
  static let lossNote =
    "Each method's training losses in the round: iterations = the longest series; first and last = the mean over the "
    + "trials of the series' first and last value (NaN when a trial's loss was not a number)."
}
