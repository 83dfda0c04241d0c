/// Reads a query line in exactly the form the log writer gives it, without a JSON decoder.
///
/// `RunLog.makeEncoder()` writes a query as key-sorted JSON without spaces, so every query line
/// has the same fields in the same order:
///
///     {"batch":0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"|...|","kind":"query",
///      "method":"random-search","methodSeconds":1.4722e-05,"poolIndex":1449,"query":1,
///      "report":92.056667,"signal":88.750667,"task":"nb201-cifar10","trial":0,"crc":"15eaaae3"}
///
/// The parser accepts only that shape, and within it only what it can read exactly: strings of
/// printable ASCII without escapes, integers of at most 18 digits, and finite numbers in JSON
/// syntax. Anything else (another kind of line, spaces, escapes, non-ASCII text, numbers
/// written as `"nan"` or `"inf"`, a missing or extra field, malformed JSON) makes it return
/// `nil`, and the reader decodes the line with `JSONDecoder` instead, which gives the record or
/// the error message it always gave. What the parser returns for a line is what the decoder
/// gives for it: numbers are converted with correct rounding either way.
enum QueryLineParser {
  /// The fields of `line` (one log line without its newline, its checksum already checked),
  /// with its strings added to `pool`; `nil` when the line is not in the writer's query form.
  static func fields(of line: UnsafeRawBufferPointer, pool: inout StringPool) -> QueryFields? {
    var cursor = Cursor(bytes: line)
    let literal = Self.literal
    guard cursor.skip(literal.batch), let batch = cursor.integer(),
      cursor.skip(literal.cost), let cost = cursor.number(),
      cursor.skip(literal.cumulativeCost), let cumulativeCost = cursor.number(),
      cursor.skip(literal.initial), let initial = cursor.boolean(literal),
      cursor.skip(literal.key), let key = cursor.string(),
      cursor.skip(literal.kindAndMethod), let method = cursor.string(),
      cursor.skip(literal.methodSeconds), let methodSeconds = cursor.number(),
      cursor.skip(literal.poolIndex), let poolIndex = cursor.integer(),
      cursor.skip(literal.query), let query = cursor.integer(),
      cursor.skip(literal.report), let report = cursor.number(),
      cursor.skip(literal.signal), let signal = cursor.number(),
      cursor.skip(literal.task), let task = cursor.string(),
      cursor.skip(literal.trial), let trial = cursor.integer(),
      cursor.offset == line.count - RunLog.checksumSuffixLength
    else { return nil }
    func id(_ range: Range<Int>) -> Int32 { pool.id(ofUTF8: UnsafeRawBufferPointer(rebasing: line[range])) }
    return QueryFields(
      task: id(task), method: id(method), trial: trial, query: query, poolIndex: poolIndex, key: id(key),
      signal: signal, report: report, cost: cost, cumulativeCost: cumulativeCost, batch: batch,
      methodSeconds: methodSeconds, initial: initial)
  }

  /// The fixed texts of the line, read once per line (a `static let` is checked on each use).
  private static let literal = Literal()

  /// The fixed text before each value, and the two booleans.
  private struct Literal {
    let batch = Array(#"{"batch":"#.utf8)
    let cost = Array(#","cost":"#.utf8)
    let cumulativeCost = Array(#","cumulativeCost":"#.utf8)
    let initial = Array(#","initial":"#.utf8)
    let key = Array(#","key":"#.utf8)
    let kindAndMethod = Array(#","kind":"query","method":"#.utf8)
    let methodSeconds = Array(#","methodSeconds":"#.utf8)
    let poolIndex = Array(#","poolIndex":"#.utf8)
    let query = Array(#","query":"#.utf8)
    let report = Array(#","report":"#.utf8)
    let signal = Array(#","signal":"#.utf8)
    let task = Array(#","task":"#.utf8)
    let trial = Array(#","trial":"#.utf8)
    let `true` = Array("true".utf8)
    let `false` = Array("false".utf8)
  }

  /// Powers of ten that are exact as `Double`s: 10^0 ... 10^22.
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  private struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer) {
      self.bytes = bytes
    }

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Moves past `literal` if the text continues with it.
    mutating func skip(_ literal: [UInt8]) -> Bool {
      guard bytes.count - offset >= literal.count else { return false }
      for (index, expected) in literal.enumerated() where bytes[offset + index] != expected { return false }
      offset += literal.count
      return true
    }

    /// `true` or `false`.
    mutating func boolean(_ literal: Literal) -> Bool? {
      if skip(literal.true) { return true }
      if skip(literal.false) { return false }
      return nil
    }

    /// A string of printable ASCII without escapes; returns the range of its content.
    mutating func string() -> Range<Int>? {
      guard byte(at: offset) == UInt8(ascii: "\"") else { return nil }
      let start = offset + 1
      var index = start
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          offset = index + 1
          return start..<index
        }
        guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
        index += 1
      }
      return nil
    }

    /// A JSON integer (`-?(0|[1-9][0-9]*)`) of at most 18 digits, not followed by a fraction
    /// or an exponent.
    mutating func integer() -> Int? {
      var index = offset
      let negative = byte(at: index) == UInt8(ascii: "-")
      if negative { index += 1 }
      let start = index
      var value = 0
      while isDigit(byte(at: index)) {
        // Longer numbers are refused below; stop adding before they could overflow.
        if index - start < 18 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
        index += 1
      }
      let digits = index - start
      guard digits >= 1, digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
      if let next = byte(at: index), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
        return nil
      }
      offset = index
      return negative ? -value : value
    }

    /// A JSON number, converted with correct rounding.
    ///
    /// Numbers whose significant digits fit in 2^53 and whose decimal exponent is at most 22
    /// away from 0 are one exact multiplication or division by an exact power of ten, hence
    /// correctly rounded (Clinger, 1990, "How to Read Floating Point Numbers Accurately");
    /// others go to the standard library's correctly rounded parser.
    mutating func number() -> Double? {
      let start = offset
      var index = offset
      let negative = byte(at: index) == UInt8(ascii: "-")
      if negative { index += 1 }
      var significand: UInt64 = 0
      var significantDigits = 0
      var exponent = 0
      let integerStart = index
      while isDigit(byte(at: index)) {
        Self.accumulate(bytes[index], into: &significand, digits: &significantDigits, exponent: &exponent, fraction: false)
        index += 1
      }
      guard index > integerStart, index - integerStart == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
      if byte(at: index) == UInt8(ascii: ".") {
        index += 1
        let fractionStart = index
        while isDigit(byte(at: index)) {
          Self.accumulate(bytes[index], into: &significand, digits: &significantDigits, exponent: &exponent, fraction: true)
          index += 1
        }
        guard index > fractionStart else { return nil }
      }
      if let marker = byte(at: index), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
        index += 1
        var exponentNegative = false
        if let sign = byte(at: index), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
          exponentNegative = sign == UInt8(ascii: "-")
          index += 1
        }
        let exponentStart = index
        var written = 0
        while isDigit(byte(at: index)) {
          if written < 10_000 { written = written * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
          index += 1
        }
        guard index > exponentStart else { return nil }
        exponent += exponentNegative ? -written : written
      }
      offset = index
      if significantDigits <= 19, significand <= 1 << 53, abs(exponent) <= 22 {
        let magnitude =
          exponent >= 0
          ? Double(significand) * QueryLineParser.exactPowersOfTen[exponent]
          : Double(significand) / QueryLineParser.exactPowersOfTen[-exponent]
        return negative ? -magnitude : magnitude
      }
      return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Adds one decimal digit to a significand, counting significant digits (leading zeros
    /// are not) and moving the decimal exponent for fraction digits; past 19 significant
    /// digits the count alone grows, which sends the number to the general parser.
    private static func accumulate(
      _ byte: UInt8, into significand: inout UInt64, digits: inout Int, exponent: inout Int, fraction: Bool
    ) {
      let digit = UInt64(byte - UInt8(ascii: "0"))
      if fraction { exponent -= 1 }
      if digits == 0 && digit == 0 { return }
      digits += 1
      if digits <= 19 { significand = significand &* 10 &+ digit }
    }
  }
}
