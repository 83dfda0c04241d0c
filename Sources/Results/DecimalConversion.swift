/// Correctly rounded conversion of a decimal `significand x 10^exponent` to `Double` without
/// the C library, for the numbers a log holds; `nil` for the rest, which go to `strtod`.
///
/// Two cases are covered. A significand of at most 2^53 with an exponent within 22 of 0 is
/// exact as a `Double`, as is the power of ten, so one multiplication or division rounds
/// correctly (Clinger, 1990, "How to Read Floating Point Numbers Accurately"). A larger
/// significand (the 17 digits of most cost sums, such as 2817.2999999999997) with an exponent
/// of -19 ... 0 is divided once as `Double`s, which lands within an ulp or two of the value,
/// and the candidate is then moved to the nearest `Double` by comparing the decimal exactly,
/// in 128-bit integers, with the midpoints to its neighbours (ties to even).
enum DecimalConversion {
  /// The value of `significand x 10^exponent`, correctly rounded; `nil` outside the cases
  /// above.
  static func double(significand: UInt64, exponent: Int) -> Double? {
    if significand <= 1 << 53 {
      guard abs(exponent) <= 22 else { return nil }
      return exponent >= 0
        ? Double(significand) * exactPowersOfTen[exponent] : Double(significand) / exactPowersOfTen[-exponent]
    }
    // Above 2^53 `Double(UInt64)` rounds correctly on its own.
    if exponent == 0 { return Double(significand) }
    guard exponent < 0, exponent >= -19 else { return nil }
    let digits = -exponent
    var candidate = Double(significand) / exactPowersOfTen[digits]
    while true {
      let up = candidate.nextUp
      let aboveUp = compare(significand, digits, midpointOf: candidate, up)
      if aboveUp > 0 {
        candidate = up
        continue
      }
      if aboveUp == 0 { return even(candidate, up) }
      let down = candidate.nextDown
      let aboveDown = compare(significand, digits, midpointOf: down, candidate)
      if aboveDown < 0 {
        candidate = down
        continue
      }
      if aboveDown == 0 { return even(down, candidate) }
      return candidate
    }
  }

  /// Powers of ten that are exact as `Double`s: 10^0 ... 10^22.
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Powers of ten as integers: 10^0 ... 10^19.
  private static let integerPowersOfTen: [UInt64] = (0...19).map { exponent in
    var value: UInt64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Of two neighbouring `Double`s, the one with an even significand.
  private static func even(_ low: Double, _ high: Double) -> Double {
    low.significandBitPattern & 1 == 0 ? low : high
  }

  /// The sign of `significand / 10^digits` minus the midpoint of the neighbouring positive
  /// normal `Double`s `low` and `high`, computed exactly.
  ///
  /// With `m` and `e` the significands and exponents of the two (`low = m_low * 2^e_low`),
  /// the midpoint is `s * 2^(e - 1)` for `s = m_low * 2^(e_low - e) + m_high * 2^(e_high - e)`
  /// and `e` the smaller exponent, so the comparison is `significand * 2^(1 - e)` against
  /// `s * 10^digits`, both integers. The candidate is within a few ulps of the decimal, so both
  /// sides are close to `2^54 * 10^digits` and fit in 128 bits for `digits` up to 19.
  private static func compare(_ significand: UInt64, _ digits: Int, midpointOf low: Double, _ high: Double) -> Int {
    let lowExponent = Int(low.exponentBitPattern) - 1075
    let highExponent = Int(high.exponentBitPattern) - 1075
    let exponent = min(lowExponent, highExponent)
    let sum =
      ((1 << 52 | low.significandBitPattern) << UInt64(lowExponent - exponent))
      + ((1 << 52 | high.significandBitPattern) << UInt64(highExponent - exponent))
    let product = sum.multipliedFullWidth(by: integerPowersOfTen[digits])
    let shift = 1 - exponent
    let left: (high: UInt64, low: UInt64)
    let right: (high: UInt64, low: UInt64)
    if shift >= 0 {
      left = shifted((0, significand), by: shift)
      right = (product.high, product.low)
    } else {
      left = (0, significand)
      right = shifted((product.high, product.low), by: -shift)
    }
    if left.high != right.high { return left.high < right.high ? -1 : 1 }
    if left.low != right.low { return left.low < right.low ? -1 : 1 }
    return 0
  }

  /// A 128-bit value shifted left by `count` (0 ... 63) bits; the caller keeps it in range.
  private static func shifted(_ value: (high: UInt64, low: UInt64), by count: Int) -> (high: UInt64, low: UInt64) {
    guard count > 0 else { return value }
    return (value.high << UInt64(count) | value.low >> UInt64(64 - count), value.low << UInt64(count))
  }
}
