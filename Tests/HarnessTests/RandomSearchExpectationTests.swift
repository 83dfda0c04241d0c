import Benchmarks
import Harness
import SearchMethods
import SearchSpaces
import TestSupport
import Testing

@Suite struct RandomSearchExpectationTests {
  @Test func probabilitiesMatchEnumerationOnATinyDomain() throws {
    // 3 x 3 = 27 architectures: the expectation after 2 queries by enumerating all pairs.
    let task = try TinyTaskSource(positions: 3, operations: 3).task(named: "tiny")
    let expectation = RandomSearchExpectation(task: task)
    let indices = task.domain.indices
    var total = 0.0
    var pairs = 0
    for a in indices {
      for b in indices where b > a {
        let best = task.signal[a] >= task.signal[b] ? a : b
        total += task.report[best]
        pairs += 1
      }
    }
    #expect(abs(expectation.bestSignal(after: 2).mean - total / Double(pairs)) < 1e-9)
    #expect(abs(expectation.bestSignal(after: 27).mean - task.report[task.signal.argmax]) < 1e-9)
    #expect(abs(expectation.oracleMax(after: 27) - task.report.maximum) < 1e-9)
    #expect(abs(expectation.probabilityOfReachingTop(1, within: 9) - 9.0 / 27) < 1e-12)
    #expect(abs(expectation.expectedQueriesToTop(1) - 14) < 1e-12)
  }

  @Test func reachingProbabilitiesAndMedianMatchEnumeration() throws {
    let task = try TinyTaskSource(positions: 3, operations: 3).task(named: "tiny")
    let expectation = RandomSearchExpectation(task: task)
    let indices = task.domain.indices
    let reports = indices.map { task.report[$0] }.sorted(by: >)
    let threshold = reports[4]  // the top five (or more, with ties)
    let k = reports.filter { $0 >= threshold }.count
    #expect(expectation.count(reaching: threshold) == k)
    // Over all pairs of distinct draws: is the best-signal one at or above the threshold?
    var reached = 0.0
    var pairs = 0.0
    for a in indices {
      for b in indices where b > a {
        if task.signal[a] == task.signal[b] {  // a tie is broken uniformly by draw order
          reached += (task.report[a] >= threshold ? 0.5 : 0) + (task.report[b] >= threshold ? 0.5 : 0)
        } else {
          reached += task.report[task.signal[a] > task.signal[b] ? a : b] >= threshold ? 1 : 0
        }
        pairs += 1
      }
    }
    #expect(abs(expectation.probabilityBestSignalReaches(threshold, after: 2) - reached / pairs) < 1e-9)
    // Median first draw of one of the top k: the smallest n with P(drawn by n) >= 1/2.
    let median = expectation.medianQueriesToTop(k)
    #expect(expectation.probabilityOfReachingTop(k, within: median) >= 0.5)
    #expect(median == 1 || expectation.probabilityOfReachingTop(k, within: median - 1) < 0.5)
  }

  @Test func simulatedRandomSearchAgreesWithTheExpectation() throws {
    let task = try TinyTaskSource(positions: 5, operations: 4).task(named: "tiny")
    let expectation = RandomSearchExpectation(task: task)
    let trials = 400
    for queries in [5, 20, 60] {
      var values: [Double] = []
      for seed in 0..<trials {
        let trace = try MethodDriver(task: task, entry: MethodEntry(RandomSearch.self)).run(seed: UInt64(seed), budget: queries)
        // swift-format-ignore: NeverForceUnwrap
        // The trace holds at least one query: the budget is positive.
        let best = trace.queried.max { task.signal[$0] < task.signal[$1] }!
        values.append(task.report[best])
      }
      let mean = values.reduce(0, +) / Double(trials)
      let (expected, sd) = expectation.bestSignal(after: queries)
      #expect(abs(mean - expected) < 4 * sd / Double(trials).squareRoot(), "n=\(queries): \(mean) vs \(expected)")
    }
  }
}
