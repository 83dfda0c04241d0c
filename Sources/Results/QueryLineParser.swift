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
    guard cursor.skip(#"{"batch":"#), let batch = cursor.integer(),
      cursor.skip(#","cost":"#), let cost = cursor.number(),
      cursor.skip(#","cumulativeCost":"#), let cumulativeCost = cursor.number(),
      cursor.skip(#","initial":"#), let initial = cursor.boolean(),
      cursor.skip(#","key":"#), let key = cursor.string(),
      cursor.skip(#","kind":"query","method":"#), let method = cursor.string(),
      cursor.skip(#","methodSeconds":"#), let methodSeconds = cursor.number(),
      cursor.skip(#","poolIndex":"#), let poolIndex = cursor.integer(),
      cursor.skip(#","query":"#), let query = cursor.integer(),
      cursor.skip(#","report":"#), let report = cursor.number(),
      cursor.skip(#","signal":"#), let signal = cursor.number(),
      cursor.skip(#","task":"#), let task = cursor.string(),
      cursor.skip(#","trial":"#), let trial = cursor.integer(),
      cursor.offset == line.count - RunLog.checksumSuffixLength
    else { return nil }
    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: line[range]) }
    // Task, method, key: the order in which the pool numbers new strings. Consecutive lines
    // mostly name the same task and method: each is first compared with the last one (one
    // hint in a namespace of its own, below the pool's ids).
    let taskID = pool.id(ofUTF8: bytes(task), hint: 0, namespace: -1)
    let methodID = pool.id(ofUTF8: bytes(method), hint: 0, namespace: -2)
    let keyID = pool.id(ofUTF8: bytes(key), hint: poolIndex, namespace: taskID)
    return QueryFields(
      task: taskID, method: methodID, trial: trial, query: query, poolIndex: poolIndex, key: keyID,
      signal: signal, report: report, cost: cost, cumulativeCost: cumulativeCost, batch: batch,
      methodSeconds: methodSeconds, initial: initial)
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
    ///
    /// The fixed texts are `StaticString`s, bytes in the binary: no array to retain and no
    /// lazy global to check on each line. They are compared eight bytes at a time.
    mutating func skip(_ literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard bytes.count - offset >= count else { return false }
      let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
      var index = 0
      while count - index >= 8 {
        let word = bytes.loadUnaligned(fromByteOffset: offset + index, as: UInt64.self)
        guard word == expected.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
        index += 8
      }
      while index < count {
        guard bytes[offset + index] == expected[index] else { return false }
        index += 1
      }
      offset += count
      return true
    }

    /// `true` or `false`.
    mutating func boolean() -> Bool? {
      if skip("true") { return true }
      if skip("false") { return false }
      return nil
    }

    /// A string of printable ASCII without escapes; returns the range of its content.
    ///
    /// Eight bytes at a time while none of them ends the string or is refused (see
    /// `isPlain`), then byte by byte.
    mutating func string() -> Range<Int>? {
      guard byte(at: offset) == UInt8(ascii: "\"") else { return nil }
      let start = offset + 1
      var index = start
      while index < bytes.count {
        if bytes.count - index >= 8 && Self.isPlain(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
          index += 8
          continue
        }
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

    /// Whether all eight bytes of `word` are printable ASCII (0x20 ... 0x7E) other than `"`
    /// and `\`: no high bit, no byte below 0x20, none equal to 0x7F, `"` or `\` (the
    /// "has less" and "has zero byte" tests of Anderson's Bit Twiddling Hacks, exact as
    /// yes-or-no answers).
    private static func isPlain(_ word: UInt64) -> Bool {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
      let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
      return word & highs == 0 && !belowSpace && !hasZeroByte(word ^ (ones &* 0x7F))
        && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
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

    /// A JSON number, converted with correct rounding: by `DecimalConversion` when it can
    /// (the log's numbers nearly all), otherwise by the standard library's parser.
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
      if significantDigits <= 19, let magnitude = DecimalConversion.double(significand: significand, exponent: exponent) {
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
