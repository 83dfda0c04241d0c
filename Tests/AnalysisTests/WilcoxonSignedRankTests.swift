import Analysis
import Testing

@Suite struct WilcoxonSignedRankTests {}

// MARK: - Reference values (scipy 1.17.1, scipy.stats.wilcoxon)

extension WilcoxonSignedRankTests {
  struct Reference: CustomTestStringConvertible, Sendable {
    var name: String
    var differences: [Double]
    var pValue: Double
    var exact: Bool
    var testDescription: String { name }
  }

  static let references: [Reference] = [
    // wilcoxon(d, method="exact")
    Reference(
      name: "exact n=10", differences: [1.5, -0.3, 2.1, 0.8, -1.2, 3.3, 0.4, 2.7, -0.6, 1.9],
      pValue: 0.064453125, exact: true),
    Reference(
      name: "exact n=16",
      differences: [0.5, -0.25, 1.0, 0.75, -1.25, 1.5, 0.125, 2.0, -0.375, 1.75, 0.625, -0.875, 1.125, 2.25, -1.375, 0.3],
      pValue: 0.116668701171875, exact: true),
    Reference(
      name: "exact n=25", differences: (0..<25).map { Double(($0 + 1) * ($0 % 3 == 0 ? -1 : 1)) },
      pValue: 0.23036134243011475, exact: true),
    // wilcoxon(d, method="approx", correction=True), zero_method="wilcox"
    Reference(
      name: "normal n=26", differences: (0..<26).map { Double(($0 + 1) * ($0 % 3 == 0 ? -1 : 1)) },
      pValue: 0.14072874277056632, exact: false),
    Reference(
      name: "normal with zeros and ties",
      differences: [1, 2, -1, 3, 0, 2, -2, 1, 4, 0, -1, 2, 3, -3, 1, 2, 5, -1, 0, 2, 1, -2, 3, 4, 1, 2, -1, 6, 2, 1, 3, -2],
      pValue: 0.006106960669760169, exact: false),
    Reference(
      name: "normal n=40", differences: (0..<40).map { (Double($0) * 0.37).truncatingRemainder(dividingBy: 1.3) - 0.4 },
      pValue: 0.00019151016882144593, exact: false),
  ]

  @Test(arguments: references)
  func pValueMatchesScipy(_ reference: Reference) {
    let test = WilcoxonSignedRank(differences: reference.differences)
    #expect(test.exact == reference.exact)
    #expect(abs(test.pValue - reference.pValue) < 1e-12 * max(1, reference.pValue) + 1e-15)
  }

  @Test func rankSumsAndEffectSizeByHand() {
    // |d| ranks: .3->1, .6->3, 1.2->5 are negative, so W- = 9 and W+ = 55 - 9 = 46.
    let test = WilcoxonSignedRank(differences: [1.5, -0.3, 2.1, 0.8, -1.2, 3.3, 0.4, 2.7, -0.6, 1.9])
    #expect(test.n == 10)
    #expect(test.wPlus == 46 && test.wMinus == 9)
    #expect(abs(test.rankBiserial - 37.0 / 55) < 1e-15)
  }
}

// MARK: - Zeros, ties and degenerate samples

extension WilcoxonSignedRankTests {
  @Test func zeroDifferencesAreDropped() {
    let test = WilcoxonSignedRank(differences: [0, 0, 1.5, -0.3, 2.1, 0, 0.8])
    #expect(test.n == 4)
    #expect(test.wPlus == 9 && test.wMinus == 1)
  }

  @Test func allZeroDifferencesGiveNoEvidence() {
    let test = WilcoxonSignedRank(differences: [0, 0, 0])
    #expect(test.n == 0 && test.pValue == 1 && test.rankBiserial == 0)
  }

  @Test func exactPValueWithTiesMatchesEnumeratingEverySignPattern() {
    let differences: [Double] = [1, -1, 2, 2, -2, 3, 0.5, -0.5, 4, 1, 0, 2]
    let test = WilcoxonSignedRank(differences: differences)
    let nonZero = differences.filter { $0 != 0 }
    let ranks = AverageRanks.of(nonZero.map { abs($0) })
    var below = 0
    var above = 0
    let patterns = 1 << nonZero.count
    for pattern in 0..<patterns {
      let sum = ranks.indices.reduce(0.0) { pattern & (1 << $1) != 0 ? $0 + ranks[$1] : $0 }
      if sum <= test.wPlus + 1e-9 { below += 1 }
      if sum >= test.wPlus - 1e-9 { above += 1 }
    }
    let expected = min(1, 2 * Double(min(below, above)) / Double(patterns))
    #expect(test.exact)
    #expect(abs(test.pValue - expected) < 1e-12)
  }

  @Test func swappingTheSamplesFlipsTheEffectButNotThePValue() {
    let differences: [Double] = [1.5, -0.3, 2.1, 0.8, -1.2, 3.3]
    let forward = WilcoxonSignedRank(differences: differences)
    let backward = WilcoxonSignedRank(differences: differences.map { -$0 })
    #expect(forward.pValue == backward.pValue)
    #expect(forward.rankBiserial == -backward.rankBiserial)
  }
}
