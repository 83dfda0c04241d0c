/// Reads the fields of one protocol-buffer message in wire format
/// (https://protobuf.dev/programming-guides/encoding/), enough for the NAS-Bench-101 metrics.
///
/// Each field is a varint key `number << 3 | wire type`, then a value of that type: 0 varint,
/// 1 eight little-endian bytes, 2 a varint length and that many bytes (a string, bytes or a
/// nested message), 5 four little-endian bytes. The group wire types 3 and 4 (deprecated,
/// unused by `model_metrics.proto`) are refused. The caller skips fields it does not know
/// simply by not using them.
struct ProtobufReader {
  /// One field's value, by wire type.
  enum Value {
    case varint(UInt64)
    case fixed64(UInt64)
    /// The byte range of the payload within the message buffer.
    case lengthDelimited(Range<Int>)
    case fixed32(UInt32)

    /// The value as a `double` field (wire type 1), or `nil`.
    var double: Double? {
      if case .fixed64(let bits) = self { return Double(bitPattern: bits) }
      return nil
    }
  }

  /// Why the bytes are not a message: where (offset in the buffer) and what.
  struct Failure: Error {
    let offset: Int
    let problem: String
  }

  private let bytes: UnsafeRawBufferPointer
  private var position: Int
  private let end: Int

  /// A reader over `bytes[range]` (all of `bytes` by default).
  init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
    self.bytes = bytes
    self.position = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? bytes.count
  }

  /// The next field, or `nil` after the last.
  ///
  /// - Throws: `Failure` for a truncated varint or value, a varint longer than 10 bytes, a
  ///   field number 0, or a group wire type.
  /// - Complexity: O(1) per field (a length-delimited payload is not copied).
  mutating func nextField() throws -> (number: Int, value: Value)? {
    guard position < end else { return nil }
    let keyOffset = position
    let key = try readVarint()
    let number = Int(key >> 3)
    guard number > 0 && key >> 3 <= UInt64(Int32.max) else { throw Failure(offset: keyOffset, problem: "field number \(key >> 3)") }
    switch key & 7 {
    case 0:
      return (number, .varint(try readVarint()))
    case 1:
      return (number, .fixed64(try readLittleEndian(8)))
    case 2:
      let lengthOffset = position
      let length = try readVarint()
      guard length <= UInt64(end - position) else {
        throw Failure(offset: lengthOffset, problem: "length \(length) of field \(number) runs past the end of the message")
      }
      let start = position
      position += Int(length)
      return (number, .lengthDelimited(start..<position))
    case 5:
      return (number, .fixed32(UInt32(truncatingIfNeeded: try readLittleEndian(4))))
    default:
      throw Failure(offset: keyOffset, problem: "wire type \(key & 7) of field \(number)")
    }
  }

  private mutating func readVarint() throws -> UInt64 {
    let start = position
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < end else { throw Failure(offset: start, problem: "truncated varint") }
      let byte = bytes[position]
      position += 1
      guard shift < 64 else { throw Failure(offset: start, problem: "varint longer than 10 bytes") }
      value |= UInt64(byte & 0x7f) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
  }

  private mutating func readLittleEndian(_ count: Int) throws -> UInt64 {
    guard end - position >= count else { throw Failure(offset: position, problem: "truncated \(count)-byte value") }
    var value: UInt64 = 0
    for index in 0..<count { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
    position += count
    return value
  }
}
