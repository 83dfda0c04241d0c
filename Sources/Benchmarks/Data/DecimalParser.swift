#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers straight from CSV bytes.
///
/// The fast path reads up to 15 significant digits into an integer and scales it by one
/// exactly representable power of ten (|exponent| <= 22): one correctly rounded operation,
/// so the result equals `strtod`'s. Anything else (more digits, large exponents, `nan`)
/// falls back to `strtod` on a copy of the field.
enum DecimalParser {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The number written in `bytes[start..<end]`, or `nil` when the field is not a number.
  ///
  /// - Complexity: O(end - start).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
    var i = start
    guard i < end else { return nil }
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var sawDigit = false
    var decimalExponent = 0
    var inFraction = false
    while i < end {
      let byte = bytes[i]
      if byte >= 48 && byte <= 57 {
        sawDigit = true
        if mantissa != 0 || byte != 48 { significantDigits += 1 }
        mantissa = mantissa &* 10 &+ UInt64(byte - 48)
        if inFraction { decimalExponent -= 1 }
      } else if byte == UInt8(ascii: ".") && !inFraction {
        inFraction = true
      } else {
        break
      }
      i += 1
    }
    if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) && sawDigit {
      i += 1
      var exponentNegative = false
      if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponent = 0
      var sawExponentDigit = false
      while i < end, bytes[i] >= 48, bytes[i] <= 57, exponent < 10_000 {
        exponent = exponent * 10 + Int(bytes[i] - 48)
        sawExponentDigit = true
        i += 1
      }
      guard sawExponentDigit else { return nil }
      decimalExponent += exponentNegative ? -exponent : exponent
    }
    if !sawDigit || i != end || significantDigits > 15 || abs(decimalExponent) > 22 {
      return slowParse(bytes, from: start, to: end)
    }
    let value = Double(mantissa)
    let scaled = decimalExponent >= 0 ? value * powersOfTen[decimalExponent] : value / powersOfTen[-decimalExponent]
    return negative ? -scaled : scaled
  }

  /// Integer fields (indices, counts): digits only, optional sign.
  static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var i = start
    var negative = false
    if i < end && bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    guard i < end, end - i <= 18 else { return nil }
    var value = 0
    while i < end {
      let byte = bytes[i]
      guard byte >= 48 && byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
      i += 1
    }
    return negative ? -value : value
  }

  private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
    guard end - start < 512 else { return nil }
    var text = [CChar](repeating: 0, count: end - start + 1)
    for offset in 0..<(end - start) { text[offset] = CChar(bitPattern: bytes[start + offset]) }
    return text.withUnsafeBufferPointer { buffer -> Double? in
      guard let base = buffer.baseAddress else { return nil }
      var stop: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &stop)
      guard let stop, stop == UnsafeMutablePointer(mutating: base + (end - start)) else { return nil }
      return value
    }
  }
}
