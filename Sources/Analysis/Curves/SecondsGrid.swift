/// The simulated-seconds points at which time-budget curves are evaluated.
///
/// The grid is log-spaced, because search curves change fastest early and a linear grid spends
/// most points on the flat tail. It runs from the earliest time any trial of the task has a
/// value (the smallest cumulative cost of a first query; if that is 0, the smallest positive
/// cumulative cost) to the largest final cumulative cost among the task's trials. A task whose
/// costs are all zero (no cost column) has no grid.
public enum SecondsGrid {
  /// The grid for a task's trials.
  ///
  /// - Parameters:
  ///   - curves: every trial of the task, all methods.
  ///   - points: number of grid points (at least 2 are used when the range is not a point).
  /// - Returns: increasing times; empty when no cost is positive.
  /// - Complexity: O(total queries + points).
  public static func make(for curves: [TrialCurve], points: Int) -> [Double] {
    let finals = curves.compactMap(\.cumulativeCost.last)
    guard let end = finals.max(), end > 0 else { return [] }
    let firsts = curves.compactMap(\.cumulativeCost.first)
    var start = firsts.min() ?? end
    if start <= 0 {
      start = curves.flatMap(\.cumulativeCost).filter { $0 > 0 }.min() ?? end
    }
    guard start < end else { return [end] }
    let count = max(2, points)
    let logStart = naturalLog(start)
    let step = (naturalLog(end) - logStart) / Double(count - 1)
    var grid = (0..<count).map { exponential(logStart + Double($0) * step) }
    // Pin the ends exactly, so the first and last trials are counted at them despite rounding.
    grid[0] = start
    grid[count - 1] = end
    return grid
  }
}
