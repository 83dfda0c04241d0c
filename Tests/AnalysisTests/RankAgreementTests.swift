import Analysis
import Testing

@Suite struct RankAgreementTests {
  // Reference values from scipy.stats 1.17 (kendalltau, variant b; spearmanr).
  static let x: [Double] = [1, 2, 2, 3, 5, 4, 7, 7, 0, 9, 1]
  static let y: [Double] = [2, 1, 2, 4, 4, 3, 8, 6, 1, 9, 3]

  @Test func kendallTauMatchesScipyWithTies() {
    #expect(abs(RankAgreement.kendallTau(Self.x, Self.y) - 0.7767356373806175) < 1e-12)
  }

  @Test func spearmanRhoMatchesScipyWithTies() {
    #expect(abs(RankAgreement.spearmanRho(Self.x, Self.y) - 0.8822194427956284) < 1e-12)
  }

  @Test func kendallTauAgreesWithTheQuadraticDefinitionOnRandomData() {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double((state >> 33) % 20)  // few distinct values: many ties
    }
    let a = (0..<300).map { _ in next() }
    let b = (0..<300).map { _ in next() }
    var concordant = 0.0
    var discordant = 0.0
    var tiesA = 0.0
    var tiesB = 0.0
    for i in 0..<300 {
      for j in (i + 1)..<300 {
        let da = a[i] - a[j]
        let db = b[i] - b[j]
        if da == 0 && db == 0 { continue }
        if da == 0 {
          tiesA += 1
          continue
        }
        if db == 0 {
          tiesB += 1
          continue
        }
        if da * db > 0 { concordant += 1 } else { discordant += 1 }
      }
    }
    let expected = (concordant - discordant) / ((concordant + discordant + tiesA) * (concordant + discordant + tiesB)).squareRoot()
    #expect(abs(RankAgreement.kendallTau(a, b) - expected) < 1e-12)
  }

  @Test func perfectAndReversedOrders() {
    let values = (0..<50).map(Double.init)
    #expect(RankAgreement.kendallTau(values, values) == 1)
    #expect(RankAgreement.kendallTau(values, values.reversed()) == -1)
    #expect(abs(RankAgreement.spearmanRho(values, values.map { $0 * $0 }) - 1) < 1e-12)
    #expect(RankAgreement.kendallTau(values, [Double](repeating: 3, count: 50)).isNaN)
  }

  @Test func precisionCountsTheOverlapOfTopSets() {
    let truth: [Double] = [10, 9, 8, 7, 6, 5]
    let predicted: [Double] = [1, 9, 8, 0, 7, 2]  // predicted top 3: indices 1, 2, 4
    #expect(RankAgreement.precision(at: 3, predicted: predicted, truth: truth) == 2.0 / 3)
    #expect(RankAgreement.precision(at: 1, predicted: truth, truth: truth) == 1)
    #expect(AverageRanks.of([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
  }
}
