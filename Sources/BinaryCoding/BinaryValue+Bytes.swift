private enum Tag: UInt8 {
  case null = 0
  case boolFalse, boolTrue, int, uint, float, double, string, floats, doubles, ints, bytes, array, object
}

extension BinaryValue {
  /// The value in the binary format.
  public var serialized: [UInt8] {
    var out: [UInt8] = []
    write(into: &out)
    return out
  }

  /// Reads one value from `bytes`, which must hold exactly one.
  ///
  /// - Throws: `BinaryCodingError` when the bytes are not one well-formed value.
  public init(serialized bytes: [UInt8]) throws {
    var reader = ByteReader(bytes: bytes)
    self = try reader.value()
    guard reader.offset == bytes.count else { throw BinaryCodingError.trailingBytes(count: bytes.count - reader.offset) }
  }

  private func write(into out: inout [UInt8]) {
    switch self {
    case .null: out.append(Tag.null.rawValue)
    case .bool(let value): out.append(value ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
    case .int(let value):
      out.append(Tag.int.rawValue)
      out.appendWord(UInt64(bitPattern: value))
    case .uint(let value):
      out.append(Tag.uint.rawValue)
      out.appendWord(value)
    case .float(let value):
      out.append(Tag.float.rawValue)
      out.appendWord(UInt64(value.bitPattern))
    case .double(let value):
      out.append(Tag.double.rawValue)
      out.appendWord(value.bitPattern)
    case .string(let value):
      out.append(Tag.string.rawValue)
      out.appendBlock(Array(value.utf8))
    case .floats(let values):
      out.append(Tag.floats.rawValue)
      out.appendBlock(values)
    case .doubles(let values):
      out.append(Tag.doubles.rawValue)
      out.appendBlock(values)
    case .ints(let values):
      out.append(Tag.ints.rawValue)
      out.appendBlock(values)
    case .bytes(let values):
      out.append(Tag.bytes.rawValue)
      out.appendBlock(values)
    case .array(let values):
      out.append(Tag.array.rawValue)
      out.appendWord(UInt64(values.count))
      for value in values { value.write(into: &out) }
    case .object(let members):
      out.append(Tag.object.rawValue)
      out.appendWord(UInt64(members.count))
      for key in members.keys.sorted() {
        out.appendBlock(Array(key.utf8))
        members[key]?.write(into: &out)
      }
    }
  }
}

extension [UInt8] {
  fileprivate mutating func appendWord(_ word: UInt64) {
    Swift.withUnsafeBytes(of: word.littleEndian) { append(contentsOf: $0) }
  }

  /// A count, then the elements' bytes as stored (the format is little-endian; so are the
  /// machines NASArena supports).
  fileprivate mutating func appendBlock<T: BitwiseCopyable>(_ values: [T]) {
    appendWord(UInt64(values.count))
    values.withUnsafeBytes { append(contentsOf: $0) }
  }
}

private struct ByteReader {
  let bytes: [UInt8]
  var offset = 0

  mutating func value() throws -> BinaryValue {
    let start = offset
    guard let tag = Tag(rawValue: try byte()) else { throw BinaryCodingError.unknownTag(bytes[start], offset: start) }
    switch tag {
    case .null: return .null
    case .boolFalse: return .bool(false)
    case .boolTrue: return .bool(true)
    case .int: return .int(Int64(bitPattern: try word()))
    case .uint: return .uint(try word())
    case .float: return .float(Float(bitPattern: UInt32(truncatingIfNeeded: try word())))
    case .double: return .double(Double(bitPattern: try word()))
    case .string: return .string(try string())
    case .floats: return .floats(try block())
    case .doubles: return .doubles(try block())
    case .ints: return .ints(try block())
    case .bytes: return .bytes(try block())
    case .array:
      let count = try self.count(minimumBytesEach: 1)
      var values: [BinaryValue] = []
      values.reserveCapacity(count)
      for _ in 0..<count { values.append(try value()) }
      return .array(values)
    case .object:
      let count = try self.count(minimumBytesEach: 9)
      var members: [String: BinaryValue] = [:]
      for _ in 0..<count {
        let key = try string()
        members[key] = try value()
      }
      return .object(members)
    }
  }

  private mutating func byte() throws -> UInt8 {
    guard offset < bytes.count else { throw BinaryCodingError.truncated(offset: offset) }
    defer { offset += 1 }
    return bytes[offset]
  }

  private mutating func word() throws -> UInt64 {
    guard bytes.count - offset >= 8 else { throw BinaryCodingError.truncated(offset: offset) }
    var word: UInt64 = 0
    for shift in 0..<8 { word |= UInt64(bytes[offset + shift]) << (8 * shift) }
    offset += 8
    return word
  }

  /// A count that the remaining bytes can hold, so a corrupt count cannot ask for memory.
  private mutating func count(minimumBytesEach: Int) throws -> Int {
    let start = offset
    let count = try word()
    guard count <= UInt64(bytes.count - offset) / UInt64(minimumBytesEach) else { throw BinaryCodingError.truncated(offset: start) }
    return Int(count)
  }

  private mutating func block<T: BitwiseCopyable>() throws -> [T] {
    let count = try self.count(minimumBytesEach: MemoryLayout<T>.stride)
    let length = count * MemoryLayout<T>.stride
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]))
      }
      initialized = count
    }
    offset += length
    return values
  }

  private mutating func string() throws -> String {
    let start = offset
    let utf8: [UInt8] = try block()
    guard let string = String(validating: utf8, as: UTF8.self) else { throw BinaryCodingError.invalidString(offset: start) }
    return string
  }
}
