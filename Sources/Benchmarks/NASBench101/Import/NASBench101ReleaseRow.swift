/// The JSON of one record of the NAS-Bench-101 release file: the array
/// `[module_hash, epochs, raw_adjacency, raw_operations, raw_metrics]` (as `nasbench/api.py`
/// reads it), parsed strictly.
///
/// `module_hash` is 32 hex digits; `epochs` an integer; `raw_adjacency` the V x V matrix as
/// V*V digits 0/1, row-major; `raw_operations` the V labels joined by commas
/// (`input,conv3x3-bn-relu,...,output`); `raw_metrics` the base64 of a `ModelMetrics`
/// message. The parser accepts JSON whitespace and string escapes; anything else (another
/// shape, a non-integer epoch count, trailing text) is refused with its offset. Buffers are
/// reused from record to record.
struct NASBench101ReleaseRow {
  /// Why a record's bytes are not such a row: the offset within the record, what is wrong,
  /// the offending text and what was expected.
  struct Failure: Error {
    let offset: Int
    let problem: String
    let value: String
    let expected: String
  }

  /// The elements in order, for messages.
  static let elementNames = ["module_hash", "epochs", "raw_adjacency", "raw_operations", "raw_metrics"]

  var moduleHash: [UInt8] = []
  var epochs = 0
  var adjacency: [UInt8] = []
  var operations: [UInt8] = []
  var metrics: [UInt8] = []
  /// Offset of each element within the record data.
  private(set) var offsets = [Int](repeating: 0, count: 5)

  /// Reads `data` into this row's fields.
  ///
  /// - Throws: `Failure` at the first byte that does not fit the shape.
  /// - Complexity: O(data.count).
  mutating func parse(_ data: [UInt8]) throws {
    var position = 0
    try data.withUnsafeBufferPointer { bytes in
      func skipWhitespace() {
        while position < bytes.count {
          let byte = bytes[position]
          guard byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d else { return }
          position += 1
        }
      }
      func expect(_ byte: UInt8, _ expected: String) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw failure(expected) }
        position += 1
      }
      func failure(_ expected: String) -> Failure {
        let shown = position < bytes.count ? String(decoding: bytes[position..<min(bytes.count, position + 20)], as: UTF8.self) : "end of record"
        return Failure(offset: position, problem: "bad JSON", value: shown, expected: expected)
      }
      func string(_ element: Int, into output: inout [UInt8]) throws {
        output.removeAll(keepingCapacity: true)
        try expect(UInt8(ascii: "\""), "a string (\(Self.elementNames[element]))")
        offsets[element] = position - 1
        while true {
          guard position < bytes.count else { throw failure("a closing '\"' of \(Self.elementNames[element])") }
          let byte = bytes[position]
          position += 1
          switch byte {
          case UInt8(ascii: "\""):
            return
          case UInt8(ascii: "\\"):
            guard position < bytes.count else { throw failure("an escape after '\\'") }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "n"): output.append(0x0a)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0d)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0c)
            case UInt8(ascii: "u"):
              guard position + 4 <= bytes.count, let unit = UInt16(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16),
                unit < 0x80
              else {
                position -= 2
                throw failure("an ASCII \\u escape (the fields are ASCII)")
              }
              output.append(UInt8(unit))
              position += 4
            default:
              position -= 2
              throw failure("one of the JSON escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
            }
          case 0..<0x20:
            position -= 1
            throw failure("no control characters inside a string")
          default:
            output.append(byte)
          }
        }
      }
      try expect(UInt8(ascii: "["), "'[' opening the array [module_hash, epochs, raw_adjacency, raw_operations, raw_metrics]")
      try string(0, into: &moduleHash)
      try expect(UInt8(ascii: ","), "',' after module_hash")
      skipWhitespace()
      offsets[1] = position
      let digitsStart = position
      if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
      while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57, position - digitsStart < 9 { position += 1 }
      guard let value = Int(String(decoding: bytes[digitsStart..<position], as: UTF8.self)) else {
        position = digitsStart
        throw failure("an integer (epochs)")
      }
      epochs = value
      try expect(UInt8(ascii: ","), "',' after epochs (an integer)")
      try string(2, into: &adjacency)
      try expect(UInt8(ascii: ","), "',' after raw_adjacency")
      try string(3, into: &operations)
      try expect(UInt8(ascii: ","), "',' after raw_operations")
      try string(4, into: &metrics)
      try expect(UInt8(ascii: "]"), "']' closing the array after its 5 elements")
      skipWhitespace()
      guard position == bytes.count else { throw failure("the end of the record after ']'") }
    }
  }
}
