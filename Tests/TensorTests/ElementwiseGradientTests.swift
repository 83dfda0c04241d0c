import Tensor
import Testing

@Suite struct ElementwiseGradientTests {
  static let tolerance = 1e-2
}

// MARK: - Binary ops with broadcasting

extension ElementwiseGradientTests {
  @Test(arguments: [
    [[3, 4], [3, 4]], [[2, 3, 4], [4]], [[3, 1], [1, 4]], [[2, 3, 4], [3, 1]], [[3, 4], []],
  ])
  func additionSubtractionAndProductMatchFiniteDifferences(shapes: [[Int]]) {
    #expect(gradientError(shapes) { $0[0] + $0[1] } < Self.tolerance)
    #expect(gradientError(shapes) { $0[0] - $0[1] } < Self.tolerance)
    #expect(gradientError(shapes) { $0[0] * $0[1] } < Self.tolerance)
  }

  @Test func divisionMatchesFiniteDifferences() {
    #expect(gradientError([[3, 4], [4]], positive: true) { $0[0] / $0[1] } < Self.tolerance)
    #expect(gradientError([[2, 3], [2, 1]], positive: true) { $0[0] / $0[1] } < Self.tolerance)
  }

  @Test func scalarArithmeticMatchesFiniteDifferences() {
    #expect(gradientError([[5]]) { 2 - (3 * $0[0] + 1) / 4 * 0.5 - $0[0] * 2 + (-$0[0]) } < Self.tolerance)
  }

  @Test func broadcastValuesAreCorrect() {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let column = Tensor(shape: [2, 1], scalars: [10, 20])
    let row = Tensor(shape: [3], scalars: [1, 0, -1])
    #expect((a + column).scalars == [11, 12, 13, 24, 25, 26])
    #expect((a * row).scalars == [1, 0, -3, 4, 0, -6])
    #expect((a - Tensor(1)).scalars == [0, 1, 2, 3, 4, 5])
  }
}

// MARK: - Unary ops

extension ElementwiseGradientTests {
  @Test func smoothUnaryOpsMatchFiniteDifferences() {
    #expect(gradientError([[4, 5]]) { $0[0].exp() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { $0[0].gelu() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { $0[0].tanh() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { $0[0].sigmoid() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { ($0[0] * 8).softplus() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { $0[0].squared() } < Self.tolerance)
    #expect(gradientError([[4, 5]]) { ($0[0] * 4).silu() } < Self.tolerance)
    #expect(gradientError([[4, 5]], positive: true) { $0[0].log() } < Self.tolerance)
    #expect(gradientError([[4, 5]], positive: true) { $0[0].squareRoot() } < Self.tolerance)
  }

  @Test func piecewiseUnaryOpsMatchFiniteDifferencesAwayFromKinks() {
    #expect(gradientError([[4, 5]], awayFromZero: true) { $0[0].relu() } < Self.tolerance)
    #expect(gradientError([[4, 5]], awayFromZero: true) { $0[0].leakyReLU(slope: 0.1) } < Self.tolerance)
    #expect(gradientError([[4, 5]], awayFromZero: true) { $0[0].absoluteValue() } < Self.tolerance)
    #expect(gradientError([[4, 5]], awayFromZero: true) { ($0[0] * 3).elu() } < Self.tolerance)
  }

  @Test func unaryValuesAreCorrect() {
    let x = Tensor(shape: [4], scalars: [-2, -0.5, 0.5, 2])
    #expect(x.relu().scalars == [0, 0, 0.5, 2])
    #expect(maximumDifference(x.leakyReLU(slope: 0.1).scalars, [-0.2, -0.05, 0.5, 2]) < 1e-6)
    #expect(maximumDifference(x.sigmoid().scalars, [0.119_203, 0.377_541, 0.622_459, 0.880_797]) < 1e-5)
    #expect(maximumDifference(x.gelu().scalars, [-0.045_500, -0.154_269, 0.345_731, 1.954_500]) < 1e-5)
    #expect(maximumDifference((x * 50).softplus().scalars, [0, 1.4e-11, 25, 100]) < 1e-5)
    #expect(maximumDifference(x.elu().scalars, [-0.864_665, -0.393_469, 0.5, 2]) < 1e-5)
    #expect(maximumDifference(x.silu().scalars, [-0.238_406, -0.188_770, 0.311_230, 1.761_594]) < 1e-5)
  }
}
