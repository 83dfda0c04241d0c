/// The average rank of one method among a task's methods after a number of queries.
///
/// At each query count, the methods are ranked within each trial index by `report_of_best_signal`
/// (rank 1 is the highest; equal values share their average rank), and the ranks are averaged
/// over the trial indices that every method of the task has. With k methods the ranks of one
/// trial always sum to k(k+1)/2.
public struct RankPoint: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Query count.
  public var query: Int
  /// Mean rank over the trials.
  public var meanRank: Double
  /// Trial indices averaged over.
  public var trials: Int
}

extension RankPoint {
  /// Ranks at every query count `1...queryCount`, carrying ended trials' last values forward.
  ///
  /// - Complexity: O(queryCount * trials * methods log methods).
  static func all(task: String, queryCount: Int, curvesByMethod: [(String, [TrialCurve])]) -> [RankPoint] {
    let byTrial = curvesByMethod.map { _, curves in
      Dictionary(curves.filter { $0.queries > 0 }.map { ($0.cell.trial, $0) }, uniquingKeysWith: { first, _ in first })
    }
    guard curvesByMethod.count > 1, let firstMethod = byTrial.first else { return [] }
    var common = Set(firstMethod.keys)
    for trials in byTrial.dropFirst() { common.formIntersection(trials.keys) }
    let shared = common.sorted()
    guard !shared.isEmpty else { return [] }
    var sums = [[Double]](repeating: [Double](repeating: 0, count: queryCount), count: curvesByMethod.count)
    for trial in shared {
      for query in stride(from: 1, through: queryCount, by: 1) {
        let values = byTrial.map { $0[trial]?.value(.bestSignal, atQuery: query) ?? -Double.infinity }
        let ranks = AverageRanks.of(values, descending: true)
        for (method, rank) in ranks.enumerated() { sums[method][query - 1] += rank }
      }
    }
    var points: [RankPoint] = []
    for (index, (method, _)) in curvesByMethod.enumerated() {
      for query in stride(from: 1, through: queryCount, by: 1) {
        points.append(
          RankPoint(
            task: task, method: method, query: query, meanRank: sums[index][query - 1] / Double(shared.count),
            trials: shared.count))
      }
    }
    return points
  }
}
