import Analysis

extension LinePlot {
  /// The total variation distance of one method's generated token shares to the top 1 % and
  /// to the domain, per round.
  static func signatureDistances(_ signature: GeneratedSignature, id: String) -> LinePlot {
    let rounds = signature.rounds.compactMap { round in round.batch.map { (Double($0), round) } }
    return LinePlot(
      id: id, title: "\(signature.task): \(signature.method) signature distance per round", xLabel: "round",
      yLabel: "total variation distance",
      series: [
        Series(name: "to top 1 %", style: 0, points: rounds.map { ($0.0, $0.1.distanceToTop) }),
        Series(name: "to whole domain", style: 1, points: rounds.map { ($0.0, $0.1.distanceToDomain) }),
      ])
  }

  /// One method's training losses: each series' per-iteration mean over trials, the rounds'
  /// iterations concatenated in round order; `nil` when the method reported no losses.
  static func losses(_ rounds: [LossCurveRound], task: String, method: String, id: String) -> LinePlot? {
    let mine = rounds.filter { $0.method == method }
    guard !mine.isEmpty else { return nil }
    var names: [String] = []
    for round in mine where !names.contains(round.series) { names.append(round.series) }
    // Every round starts where the longest series of the previous round ended, so the series
    // of one round line up.
    var starts: [Int: Int] = [:]
    var next = 0
    for batch in Set(mine.map(\.batch)).sorted() {
      starts[batch] = next
      next += mine.filter { $0.batch == batch }.map(\.meanValues.count).max() ?? 0
    }
    return LinePlot(
      id: id, title: "\(task): \(method) training losses (mean over trials)",
      xLabel: "training iteration (rounds concatenated)", yLabel: "loss",
      series: names.enumerated().map { style, name in
        var points: [(x: Double, y: Double)] = []
        for round in mine where round.series == name {
          let start = starts[round.batch] ?? 0
          points += round.meanValues.enumerated().map { (x: Double(start + $0.offset + 1), y: $0.element) }
          // A gap between rounds, so the line does not join the end of one round to the next.
          points.append((x: Double(start + round.meanValues.count) + 0.5, y: .nan))
        }
        return Series(name: name, style: style, points: points)
      })
  }
}
