/// The fixed number formats of every output, so the same records give the same bytes.
enum NumberFormat {
  /// A CSV field: Swift's shortest round-trip decimal (`0.1`, `1e-05`, `93.56`), which pandas
  /// parses back to the same double; NaN becomes an empty field (pandas reads it as NaN).
  static func csv(_ value: Double) -> String {
    if value.isNaN { return "" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// `value` rounded to `decimals` places, written without exponent (`93.56`, `-0.10`);
  /// NaN becomes `–`. Values too large for an exact integer fall back to `csv`.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    if value.isNaN { return "–" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 1e15 else { return csv(value) }
    let digits = String(Int(scaled))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + digits }
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -decimals)
    return sign + padded[..<split] + "." + padded[split...]
  }

  /// `value` with about `significant` significant digits and no exponent for everyday sizes,
  /// for tables whose values span several orders of magnitude (p-values, seconds).
  static func significant(_ value: Double, _ significant: Int) -> String {
    if value.isNaN { return "–" }
    if value == 0 || value.isInfinite { return csv(value) }
    var magnitude = 0
    var probe = abs(value)
    while probe >= 10 {
      probe /= 10
      magnitude += 1
    }
    while probe < 1 {
      probe *= 10
      magnitude -= 1
    }
    if magnitude < -4 {
      let mantissa = value / power(10, magnitude)
      return fixed(mantissa, max(0, significant - 1)) + "e" + String(magnitude)
    }
    return fixed(value, max(0, significant - 1 - magnitude))
  }

  /// `base` raised to an integer exponent, by repeated multiplication.
  static func power(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= base }
    return exponent < 0 ? 1 / result : result
  }
}
