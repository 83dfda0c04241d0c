/// Decodes `Decodable` values from the NASArena binary format (see `BinaryValue`).
public struct BinaryDecoder: Sendable {
  /// Creates a decoder.
  public init() {}

  /// The value of type `T` held by `bytes`.
  ///
  /// - Throws: `BinaryCodingError` when the bytes are malformed or do not hold a `T`; what
  ///   the type's own `init(from:)` throws.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try TreeDecoder(value: BinaryValue(serialized: bytes), path: []).decodeValue(T.self)
  }
}

private func pathText(_ path: [any CodingKey]) -> String {
  path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}

private struct TreeDecoder: Decoder {
  let value: BinaryValue
  let path: [any CodingKey]
  var codingPath: [any CodingKey] { path }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func mismatch(_ expected: String) -> BinaryCodingError {
    .typeMismatch(path: pathText(path), expected: expected, found: value.kindName)
  }

  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    if let block = try blockValue(T.self) { return block }
    return try T(from: self)
  }

  /// The raw-block fast path: `[Float]`, `[Double]`, `[UInt8]` and `[Int]` stored as blocks.
  private func blockValue<T>(_: T.Type) throws -> T? {
    switch value {
    case .floats(let floats): return floats as? T
    case .doubles(let doubles): return doubles as? T
    case .bytes(let bytes): return bytes as? T
    case .ints(let ints) where T.self == [Int].self: return ints.map { Int($0) } as? T
    default: return nil
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch("an object") }
    return KeyedDecodingContainer(KeyedReader<Key>(members: members, path: path))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    switch value {
    case .array(let items): return UnkeyedReader(items: items, path: path)
    case .floats(let values): return UnkeyedReader(items: values.map(BinaryValue.float), path: path)
    case .doubles(let values): return UnkeyedReader(items: values.map(BinaryValue.double), path: path)
    case .bytes(let values): return UnkeyedReader(items: values.map { .uint(UInt64($0)) }, path: path)
    case .ints(let values): return UnkeyedReader(items: values.map(BinaryValue.int), path: path)
    default: throw mismatch("a list")
    }
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [String: BinaryValue]
  let path: [any CodingKey]
  var codingPath: [any CodingKey] { path }
  var allKeys: [Key] { members.keys.sorted().compactMap(Key.init(stringValue:)) }

  func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

  private func child(_ key: Key) throws -> TreeDecoder {
    guard let value = members[key.stringValue] else { throw BinaryCodingError.missingKey(path: pathText(path + [key])) }
    return TreeDecoder(value: value, path: path + [key])
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    if case .null = try child(key).value { return true }
    return false
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(T.self) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
  // swift-format-ignore: NeverForceUnwrap
  // "super" is a valid string key for any string-keyed container.
  func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }
  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
  let items: [BinaryValue]
  let path: [any CodingKey]
  var currentIndex = 0
  var codingPath: [any CodingKey] { path }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  init(items: [BinaryValue], path: [any CodingKey]) {
    self.items = items
    self.path = path
  }

  private mutating func next() throws -> TreeDecoder {
    let key = IndexKey(currentIndex)
    guard currentIndex < items.count else { throw BinaryCodingError.missingKey(path: pathText(path + [key])) }
    defer { currentIndex += 1 }
    return TreeDecoder(value: items[currentIndex], path: path + [key])
  }

  mutating func decodeNil() throws -> Bool {
    guard currentIndex < items.count, case .null = items[currentIndex] else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(T.self) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleReader: SingleValueDecodingContainer {
  let decoder: TreeDecoder
  var codingPath: [any CodingKey] { decoder.path }

  func decodeNil() -> Bool {
    if case .null = decoder.value { return true }
    return false
  }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let value) = decoder.value else { throw decoder.mismatch("a Boolean") }
    return value
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let value) = decoder.value else { throw decoder.mismatch("a string") }
    return value
  }

  func decode(_ type: Double.Type) throws -> Double {
    switch decoder.value {
    case .double(let value): return value
    case .float(let value): return Double(value)
    default: throw decoder.mismatch("a number")
    }
  }

  func decode(_ type: Float.Type) throws -> Float {
    switch decoder.value {
    case .float(let value): return value
    case .double(let value): return Float(value)
    default: throw decoder.mismatch("a number")
    }
  }

  func decode(_ type: Int.Type) throws -> Int { try decodeInteger(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decodeInteger(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decodeInteger(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decodeInteger(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decodeInteger(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decodeInteger(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInteger(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInteger(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInteger(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInteger(type) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }

  private func decodeInteger<I: FixedWidthInteger>(_: I.Type) throws -> I {
    let converted: I?
    switch decoder.value {
    case .int(let value): converted = I(exactly: value)
    case .uint(let value): converted = I(exactly: value)
    default: throw decoder.mismatch("an integer")
    }
    guard let converted else {
      throw BinaryCodingError.outOfRange(path: pathText(decoder.path), value: "\(decoder.value)")
    }
    return converted
  }
}
