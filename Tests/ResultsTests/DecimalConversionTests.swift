import Randomness
import Testing

@testable import Results

/// The conversion of the log's decimals gives the standard library's correctly rounded
/// `Double`, bit for bit, or leaves the number to it.
@Suite struct DecimalConversionTests {
  /// The significand and decimal exponent of a plain decimal such as `2817.2999999999997` or
  /// `1.4022e-05`, as the parser reads them (at most 19 significant digits).
  static func decimal(_ text: String) -> (significand: UInt64, exponent: Int)? {
    let parts = text.lowercased().split(separator: "e", maxSplits: 1)
    var exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    var digits = ""
    var fraction = false
    for character in parts[0] {
      if character == "." {
        fraction = true
      } else {
        digits.append(character)
        if fraction { exponent -= 1 }
      }
    }
    let trimmed = digits.drop { $0 == "0" }
    guard trimmed.count <= 19, let significand = UInt64(trimmed.isEmpty ? "0" : trimmed) else { return nil }
    return (significand, exponent)
  }

  static func expectStandard(_ text: String) {
    guard let (significand, exponent) = decimal(text), let expected = Double(text) else {
      Issue.record("not a plain decimal: \(text)")
      return
    }
    if let converted = DecimalConversion.double(significand: significand, exponent: exponent) {
      #expect(converted.bitPattern == expected.bitPattern, "\(text): \(converted) instead of \(expected)")
    }
  }

  @Test func theLogsNumbersRoundAsTheStandardLibraryRoundsThem() {
    for text in [
      "2817.2999999999997", "5728.299999999999", "1.4022e-05", "1.6234e-05", "88.750667", "0.1", "0.30000000000000004",
      "1023.9999999999999", "1024.0000000000002", "0.0009999999999999998", "9007199254740993", "9007199254740995",
      "9007199254740993.0", "9007199254740995.0", "900719925474099.35", "18014398509481985", "18014398509481987.0",
      "9999999999999999999", "1.7976931348623157e308", "5e-324", "123456789012345678.9",
    ] {
      Self.expectStandard(text)
    }
  }

  @Test func randomShortestDecimalsRoundAsTheStandardLibraryRoundsThem() {
    var rng = SeededGenerator(seed: 42)
    var converted = 0
    for _ in 0..<100_000 {
      let magnitude = [1e-3, 1, 1e3, 1e6, 1e12][Int(rng.next() % 5)]
      let value = Double(rng.next() >> 11) / Double(1 << 53) * magnitude
      let text = "\(value)"
      Self.expectStandard(text)
      if let (significand, exponent) = Self.decimal(text), DecimalConversion.double(significand: significand, exponent: exponent) != nil {
        converted += 1
      }
    }
    #expect(converted > 90_000)
  }

  @Test func randomLongSignificandsRoundAsTheStandardLibraryRoundsThem() {
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<100_000 {
      let significand = (1 << 53) + rng.next() % (10_000_000_000_000_000_000 - (1 << 53))
      let exponent = -Int(rng.next() % 20)
      let text = "\(significand)e\(exponent)"
      let converted = DecimalConversion.double(significand: significand, exponent: exponent)
      #expect(converted?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  /// Decimals exactly halfway between two `Double`s round to the even one.
  @Test func tiesRoundToEven() {
    for integer: UInt64 in [9_007_199_254_740_993, 9_007_199_254_740_995, 18_014_398_509_481_986, 18_014_398_509_481_990] {
      for digits in 1...2 {
        let significand = integer * [1, 10, 100][digits]
        let converted = DecimalConversion.double(significand: significand, exponent: -digits)
        #expect(converted?.bitPattern == Double(integer).bitPattern, "\(significand)e-\(digits)")
      }
    }
  }
}
