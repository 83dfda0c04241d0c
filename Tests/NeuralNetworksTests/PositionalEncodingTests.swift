import NeuralNetworks
import Tensor
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Sinusoidal positional encodings against values computed by hand.
@Suite struct PositionalEncodingTests {
  @Test func valuesAreSinesAndCosinesOfScaledPositions() {
    let encoding = PositionalEncoding.sinusoidal(length: 3, dimension: 4)
    #expect(encoding.shape == [3, 4])
    let values = encoding.scalars
    // Position 0: sin 0 = 0 and cos 0 = 1 in every pair.
    #expect(Array(values[0..<4]) == [0, 1, 0, 1])
    // Frequencies for d = 4: 1 and 1 / 10000^(2/4) = 1/100.
    let expected: [Float] = [sinf(1), cosf(1), sinf(0.01), cosf(0.01), sinf(2), cosf(2), sinf(0.02), cosf(0.02)]
    for (value, reference) in zip(values[4...], expected) { #expect(Swift.abs(value - reference) < 1e-6) }
    #expect(Swift.abs(values[4] - 0.841_470_98) < 1e-6)
  }

  @Test func chosenPositionsAndAnOddDimension() {
    let encoding = PositionalEncoding.sinusoidal(positions: [5, 0], dimension: 3)
    #expect(encoding.shape == [2, 3])
    // d = 3: frequencies 1 and 1 / 10000^(2/3); the last column is a sine.
    let slow = 1 / powf(10_000, 2.0 / 3)
    let expected: [Float] = [sinf(5), cosf(5), sinf(5 * slow), 0, 1, 0]
    for (value, reference) in zip(encoding.scalars, expected) { #expect(Swift.abs(value - reference) < 1e-6) }
  }

  @Test func everyEntryIsBoundedAndPairsLieOnTheUnitCircle() {
    let values = PositionalEncoding.sinusoidal(length: 50, dimension: 64).scalars
    #expect(values.allSatisfy { Swift.abs($0) <= 1 })
    for row in [7, 49] {
      for i in 0..<32 {
        let (s, c) = (values[row * 64 + 2 * i], values[row * 64 + 2 * i + 1])
        #expect(Swift.abs(s * s + c * c - 1) < 1e-5)
      }
    }
  }
}
