import Results

/// One training-loss series of a generating method in one round (step), over the trials of
/// one task that reported it.
///
/// `meanFirst` and `meanLast` average each trial's first and last value of the series in the
/// round; `meanValues[i]` averages the `i`-th value over the trials whose series has one. NaN
/// or infinite losses propagate into the means, so a diverging trial shows.
public struct LossCurveRound: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Series name, e.g. `discriminator`.
  public var series: String
  /// The step (batch number, from 0).
  public var batch: Int
  /// Trials whose series of this round has at least one value.
  public var trials: Int
  /// Mean over those trials of the series' first value.
  public var meanFirst: Double
  /// Mean over those trials of the series' last value.
  public var meanLast: Double
  /// Per training iteration, the mean over the trials that reached it.
  public var meanValues: [Double]

  /// One entry per (task, method, batch, series) of `records` with at least one value,
  /// sorted by task, method and batch; within a round, series in the order they first
  /// appear in the records.
  ///
  /// - Complexity: O(total loss values + records log records).
  public static func all(_ records: [GenerationRecord]) -> [LossCurveRound] {
    var seriesOrder: [String: Int] = [:]
    for record in records {
      for curve in record.lossCurves where seriesOrder[curve.name] == nil { seriesOrder[curve.name] = seriesOrder.count }
    }
    var groups: [GroupKey: [[Double]]] = [:]
    for record in records {
      for curve in record.lossCurves where !curve.values.isEmpty {
        groups[GroupKey(task: record.task, method: record.method, batch: record.batch, series: curve.name), default: []].append(curve.values)
      }
    }
    return groups.map { key, curves in
      let length = curves.map(\.count).max() ?? 0
      let means = (0..<length).map { step in
        let values = curves.compactMap { step < $0.count ? $0[step] : nil }
        return values.reduce(0, +) / Double(values.count)
      }
      let count = Double(curves.count)
      return LossCurveRound(
        task: key.task, method: key.method, series: key.series, batch: key.batch, trials: curves.count,
        meanFirst: curves.reduce(0.0) { $0 + ($1.first ?? 0) } / count, meanLast: curves.reduce(0.0) { $0 + ($1.last ?? 0) } / count,
        meanValues: means)
    }
    .sorted { a, b in
      let (orderA, orderB) = (seriesOrder[a.series] ?? 0, seriesOrder[b.series] ?? 0)
      return (a.task, a.method, a.batch, orderA) < (b.task, b.method, b.batch, orderB)
    }
  }

  private struct GroupKey: Hashable {
    let task: String
    let method: String
    let batch: Int
    let series: String
  }
}
