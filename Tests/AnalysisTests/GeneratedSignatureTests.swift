import Analysis
import Foundation
import Results
import Testing

@Suite struct GeneratedSignatureTests {
  /// Two positions: an operation (a, b) and an edge bit (no, yes). Domain shares 0.6/0.4 and
  /// 0.5/0.5; the top 1 % (2 architectures) is all `a` and all `yes`.
  static let reference = TokenSignature(
    positions: [
      .init(name: "vertex 1", role: .operation, tokens: ["a", "b"]), .init(name: "edge 0->1", role: .connection, tokens: ["no", "yes"]),
    ],
    domainCount: 10, domainCounts: [[6, 4], [5, 5]], topCount: 2, topCounts: [[2, 0], [0, 2]])

  static func task(signature: TokenSignature?) -> TaskRecord {
    var task = RunRecordsFixture.task()
    task.signature = signature
    return task
  }

  static func line(method: String = "g", trial: Int, batch: Int, counts: [[Int]]) -> GenerationRecord {
    let cells = counts.first?.reduce(0, +) ?? 0
    return GenerationRecord(
      task: "toy", method: method, trial: trial, batch: batch, afterQuery: batch * 10, generated: cells, valid: cells, unique: cells,
      novel: cells, inDomain: cells, tokenCounts: counts)
  }

  /// Round 0: trials 0 and 1 pool to [4, 4] and [2, 6]; round 1: trial 0 alone, [2, 0] and [0, 2].
  static let lines = [
    line(trial: 0, batch: 0, counts: [[3, 1], [2, 2]]), line(trial: 1, batch: 0, counts: [[1, 3], [0, 4]]),
    line(trial: 0, batch: 1, counts: [[2, 0], [0, 2]]),
    line(method: "no-tokens", trial: 0, batch: 0, counts: []), line(method: "other-shape", trial: 0, batch: 0, counts: [[1, 2, 3]]),
  ]
}

// MARK: - Frequencies and distances

extension GeneratedSignatureTests {
  @Test func roundsPoolTheTrialsCountsAndMeasureTheDistancesByHand() throws {
    let signatures = GeneratedSignature.all(tasks: [Self.task(signature: Self.reference)], methods: ["g"], records: Self.lines)
    #expect(signatures.map(\.method) == ["g"])
    let signature = try #require(signatures.first)
    #expect(signature.rounds.map(\.batch) == [0, 1])
    let first = signature.rounds[0]
    #expect(first.trials == 2 && first.cells == 8)
    #expect(first.frequencies == [[0.5, 0.5], [0.25, 0.75]])
    // TV to top: (1/2(0.5 + 0.5) + 1/2(0.25 + 0.25)) / 2; to domain: (1/2(0.1 + 0.1) + 1/2(0.25 + 0.25)) / 2.
    #expect(abs(first.distanceToTop - 0.375) < 1e-12)
    #expect(abs(first.distanceToDomain - 0.175) < 1e-12)
    // KL: q(a) = 4.5 / 9, q(yes) = 6.5 / 9 after adding 0.5 to each count.
    #expect(abs(first.divergenceFromTop - (log(2.0) + log(9 / 6.5)) / 2) < 1e-12)
    let second = signature.rounds[1]
    #expect(second.trials == 1 && second.cells == 2 && second.distanceToTop == 0)
    #expect(abs(second.distanceToDomain - 0.45) < 1e-12)
    #expect(abs(second.divergenceFromTop - log(1.2)) < 1e-12)
    let pooled = signature.pooled
    #expect(pooled.batch == nil && pooled.trials == 2 && pooled.cells == 10)
    #expect(pooled.frequencies == [[0.6, 0.4], [0.2, 0.8]])
    #expect(abs(pooled.distanceToTop - 0.3) < 1e-12)
  }

  @Test func tasksWithoutASignatureAndLinesWithoutMatchingCountsGiveNothing() {
    #expect(GeneratedSignature.all(tasks: [Self.task(signature: nil)], methods: ["g"], records: Self.lines).isEmpty)
    let onlyUnusable = Self.lines.filter { $0.method != "g" } + [Self.line(trial: 2, batch: 0, counts: [[0, 0], [0, 0]])]
    #expect(GeneratedSignature.all(tasks: [Self.task(signature: Self.reference)], methods: [], records: onlyUnusable).isEmpty)
  }

  @Test func identicalTablesHaveNoDistanceAndDisjointOnesTheLargest() {
    let table = [[0.2, 0.8], [1.0, 0, 0]]
    #expect(GeneratedSignature.totalVariation(table, table) == 0)
    #expect(GeneratedSignature.totalVariation([[1, 0]], [[0, 1]]) == 1)
    // Counts [1, 3] smoothed to [1.5, 3.5] / 5 against p = [0.25, 0.75].
    let expected = 0.25 * log(0.25 / 0.3) + 0.75 * log(0.75 / 0.7)
    #expect(abs(GeneratedSignature.divergence(from: [[0.25, 0.75]], toCounts: [[1, 3]]) - expected) < 1e-12)
  }

  @Test func signatureFrequenciesDivideEachRowByItsSum() {
    #expect(Self.reference.domainFrequencies == [[0.6, 0.4], [0.5, 0.5]])
    #expect(Self.reference.topFrequencies == [[1, 0], [0, 1]])
    #expect(TokenSignature.frequencies([[0, 0], [1, 3]]) == [[0, 0], [0.25, 0.75]])
    #expect(Self.reference.matches([[1, 1], [2, 0]]) && !Self.reference.matches([[1, 1]]))
  }
}

// MARK: - Loss curves

extension GeneratedSignatureTests {
  @Test func lossRoundsAverageFirstLastAndEachIterationOverTrials() throws {
    func line(trial: Int, batch: Int, curves: [GenerationRecord.LossCurve]) -> GenerationRecord {
      var record = Self.line(trial: trial, batch: batch, counts: [])
      record.lossCurves = curves
      return record
    }
    let records = [
      line(trial: 0, batch: 0, curves: [.init(name: "discriminator", values: [1, 2, 3]), .init(name: "generator", values: [4])]),
      line(trial: 1, batch: 0, curves: [.init(name: "discriminator", values: [3, 4]), .init(name: "generator", values: [])]),
      line(trial: 0, batch: 1, curves: [.init(name: "discriminator", values: [0.5])]),
    ]
    let rounds = LossCurveRound.all(records)
    #expect(rounds.map { "\($0.batch) \($0.series)" } == ["0 discriminator", "0 generator", "1 discriminator"])
    let first = rounds[0]
    #expect(first.trials == 2 && first.meanFirst == 2 && first.meanLast == 3.5 && first.meanValues == [2, 3, 3])
    #expect(rounds[1].trials == 1 && rounds[1].meanFirst == 4 && rounds[1].meanLast == 4)
    #expect(rounds[2].meanValues == [0.5])
    #expect(LossCurveRound.all(Self.lines).isEmpty)
  }
}
