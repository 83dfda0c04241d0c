/// Ranks with ties sharing the average of the positions they span ("fractional" ranking).
public enum AverageRanks {
  /// 1-based ranks of `values`; equal values get the mean of their positions.
  ///
  /// With `descending: true` the largest value gets rank 1 (the best method when higher is
  /// better); otherwise the smallest does. `[3, 1, 3]` ascending ranks to `[2.5, 1, 2.5]`.
  /// - Complexity: O(n log n).
  public static func of(_ values: [Double], descending: Bool = false) -> [Double] {
    let order = values.indices.sorted { a, b in
      let (x, y) = (values[a], values[b])
      if x != y { return descending ? x > y : x < y }
      return a < b
    }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let shared = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = shared }
      start = end + 1
    }
    return ranks
  }

  /// The sizes of the groups of equal values (only groups of two or more), for tie corrections.
  ///
  /// - Complexity: O(n log n).
  public static func tieGroupSizes(_ values: [Double]) -> [Int] {
    let sorted = values.sorted()
    var sizes: [Int] = []
    var start = 0
    while start < sorted.count {
      var end = start
      while end + 1 < sorted.count && sorted[end + 1] == sorted[start] { end += 1 }
      if end > start { sizes.append(end - start + 1) }
      start = end + 1
    }
    return sizes
  }
}
