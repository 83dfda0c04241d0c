import Benchmarks

/// Exact expectations of random search on a task: sampling without replacement, uniformly.
///
/// With N architectures ranked by search signal (best first), the best-signal architecture
/// among n uniform draws without replacement has rank r with probability
/// C(N - r, n - 1) / C(N, n). Architectures with tied signals share their rank group, and the
/// earliest drawn of a tied group is uniform within it, so a group contributes the mean of its
/// report metric. These closed forms let tests and reports check random search against its
/// theory instead of against another simulation.
public struct RandomSearchExpectation: Sendable {
  /// Report metrics grouped by tied search signal, best signal first: (count, mean, mean of squares).
  private let groups: [(count: Int, mean: Double, meanSquare: Double)]
  /// The report metrics of each group's members, in the order of `groups`.
  private let groupReports: [[Double]]
  private let reportsDescending: [Double]
  /// Size of the domain.
  public let domainSize: Int

  /// Prepares the expectations for `task`.
  ///
  /// - Complexity: O(N log N).
  public init(task: BenchmarkTask) {
    let pairs = task.domain.indices.map { (signal: task.signal[$0], report: task.report[$0]) }.sorted { $0.signal > $1.signal }
    var groups: [(Int, Double, Double)] = []
    var groupReports: [[Double]] = []
    var start = 0
    while start < pairs.count {
      var end = start
      while end + 1 < pairs.count && pairs[end + 1].signal == pairs[start].signal { end += 1 }
      let members = pairs[start...end].map(\.report)
      let count = members.count
      groups.append((count, members.reduce(0, +) / Double(count), members.map { $0 * $0 }.reduce(0, +) / Double(count)))
      groupReports.append(members)
      start = end + 1
    }
    self.groups = groups
    self.groupReports = groupReports
    self.reportsDescending = task.domain.indices.map { task.report[$0] }.sorted(by: >)
    self.domainSize = pairs.count
  }

  /// Mean and standard deviation of the report metric of the best-signal architecture after
  /// `queries` random queries (the `report_of_best_signal` incumbent).
  ///
  /// - Complexity: O(N).
  public func bestSignal(after queries: Int) -> (mean: Double, standardDeviation: Double) {
    let weights = rankProbabilities(queries)
    var mean = 0.0
    var square = 0.0
    var rank = 0
    for group in groups {
      let probability = weights[rank..<(rank + group.count)].reduce(0, +)
      mean += probability * group.mean
      square += probability * group.meanSquare
      rank += group.count
    }
    return (mean, (max(0, square - mean * mean)).squareRoot())
  }

  /// Mean of the best report metric seen after `queries` random queries (the `oracle_max`
  /// incumbent).
  public func oracleMax(after queries: Int) -> Double {
    zip(rankProbabilities(queries), reportsDescending).map { $0 * $1 }.reduce(0, +)
  }

  /// Probability that at least one of the `k` best architectures (by report metric) is among
  /// `queries` random queries: 1 - C(N - k, n) / C(N, n).
  public func probabilityOfReachingTop(_ k: Int, within queries: Int) -> Double {
    var missAll = 1.0
    _ = drawsMissingTop(k) { n, miss in
      missAll = miss
      return n >= queries || miss == 0
    }
    return queries <= 0 ? 0 : 1 - missAll
  }

  /// Expected number of random queries until one of the `k` best architectures is drawn:
  /// (N + 1) / (k + 1).
  public func expectedQueriesToTop(_ k: Int) -> Double {
    Double(domainSize + 1) / Double(k + 1)
  }

  /// The smallest number of random queries after which one of the `k` best architectures
  /// has been drawn with probability at least 1/2 (the median of the first-draw time).
  public func medianQueriesToTop(_ k: Int) -> Int {
    drawsMissingTop(k) { _, miss in miss <= 0.5 }
  }

  /// Walks n = 1, 2, ... with P(none of the `k` best among n uniform draws without
  /// replacement), the product of (N - i - k) / (N - i) over the first n draws, until `stop`
  /// returns true or the domain is exhausted; returns the n it stopped at.
  private func drawsMissingTop(_ k: Int, until stop: (_ draws: Int, _ missAll: Double) -> Bool) -> Int {
    var missAll = 1.0
    for i in 0..<domainSize {
      let remaining = Double(domainSize - i)
      missAll *= max(0, remaining - Double(k)) / remaining
      if stop(i + 1, missAll) { return i + 1 }
    }
    return domainSize
  }

  /// How many architectures of the domain have a report metric of at least `threshold`.
  public func count(reaching threshold: Double) -> Int {
    reportsDescending.prefix { $0 >= threshold }.count
  }

  /// Probability that the best-signal architecture after `queries` random queries has a
  /// report metric of at least `threshold`: the `report_of_best_signal` incumbent meets the target at
  /// that query count (a tied signal group counts the share of its members that meet it).
  ///
  /// - Complexity: O(N).
  public func probabilityBestSignalReaches(_ threshold: Double, after queries: Int) -> Double {
    let weights = rankProbabilities(queries)
    var total = 0.0
    var rank = 0
    for (group, reports) in zip(groups, groupReports) {
      let probability = weights[rank..<(rank + group.count)].reduce(0, +)
      total += probability * Double(reports.filter { $0 >= threshold }.count) / Double(group.count)
      rank += group.count
    }
    return total
  }

  /// P(the best of n draws has rank r), r = 1...N: p1 = n/N, p(r+1) = p(r) (N - r - n + 1) / (N - r).
  private func rankProbabilities(_ queries: Int) -> [Double] {
    let n = min(max(queries, 1), domainSize)
    var probabilities = [Double](repeating: 0, count: domainSize)
    var p = Double(n) / Double(domainSize)
    for rank in 1...domainSize {
      probabilities[rank - 1] = p
      let numerator = Double(domainSize - rank - n + 1)
      if numerator <= 0 { break }
      p *= numerator / Double(domainSize - rank)
    }
    return probabilities
  }
}
