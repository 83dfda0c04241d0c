/// A decoded value of the NASArena binary format: the tree both coders work on.
///
/// The format is a compact, self-describing, little-endian encoding of `Codable` values for
/// artefacts that must load fast and exactly (pretrained embeddings, network weights): numbers
/// keep every bit, arrays of `Float`, `Double`, `Int` and `UInt8` are stored as raw blocks
/// (one copy each way instead of one container call per element), and object keys are written
/// in sorted order, so equal values give equal bytes.
public indirect enum BinaryValue: Hashable, Sendable {
  /// `nil`.
  case null
  /// A Boolean.
  case bool(Bool)
  /// A signed integer (every signed width).
  case int(Int64)
  /// An unsigned integer (every unsigned width).
  case uint(UInt64)
  /// A single-precision number.
  case float(Float)
  /// A double-precision number.
  case double(Double)
  /// A string.
  case string(String)
  /// A block of single-precision numbers.
  case floats([Float])
  /// A block of double-precision numbers.
  case doubles([Double])
  /// A block of signed integers.
  case ints([Int64])
  /// A block of bytes.
  case bytes([UInt8])
  /// An ordered list of values.
  case array([BinaryValue])
  /// Named values.
  case object([String: BinaryValue])

  /// The name of the value's kind, for error messages.
  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a Boolean"
    case .int, .uint: "an integer"
    case .float, .double: "a number"
    case .string: "a string"
    case .floats, .doubles, .ints, .bytes, .array: "a list"
    case .object: "an object"
    }
  }
}

/// Why bytes could not be read as a value of the binary format, or a value as the type asked.
public enum BinaryCodingError: Error, Equatable, CustomStringConvertible {
  /// The bytes end before the value does.
  case truncated(offset: Int)
  /// A byte that is no known tag.
  case unknownTag(UInt8, offset: Int)
  /// Bytes left over after the value.
  case trailingBytes(count: Int)
  /// A string that is not UTF-8.
  case invalidString(offset: Int)
  /// The value at `path` is not of the kind the type needs.
  case typeMismatch(path: String, expected: String, found: String)
  /// A key the type needs is absent.
  case missingKey(path: String)
  /// An integer that does not fit the type asked for.
  case outOfRange(path: String, value: String)

  /// The message.
  public var description: String {
    switch self {
    case .truncated(let offset): "the data ends early (at byte \(offset))"
    case .unknownTag(let tag, let offset): "unknown value tag \(tag) at byte \(offset)"
    case .trailingBytes(let count): "\(count) bytes after the end of the value"
    case .invalidString(let offset): "a string at byte \(offset) is not UTF-8"
    case .typeMismatch(let path, let expected, let found): "\(path.isEmpty ? "the value" : path): expected \(expected), found \(found)"
    case .missingKey(let path): "\(path): missing"
    case .outOfRange(let path, let value): "\(path): \(value) does not fit"
    }
  }
}
