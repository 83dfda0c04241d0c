/// Encodes `Encodable` values in the NASArena binary format (see `BinaryValue`).
public struct BinaryEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The bytes of `value`.
  ///
  /// - Throws: what the value's own `encode(to:)` throws.
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    try BinaryEncoder.tree(of: value).serialized
  }

  /// The value tree of `value`.
  static func tree<T: Encodable>(of value: T) throws -> BinaryValue {
    if let block = BinaryBlock.value(of: value) { return block }
    let slot = Slot(path: [])
    try value.encode(to: TreeEncoder(slot: slot))
    return slot.tree
  }
}

/// The raw-block fast path shared by both coders: arrays of fixed-size numbers.
enum BinaryBlock {
  static func value<T>(of value: T) -> BinaryValue? {
    switch value {
    case let floats as [Float]: .floats(floats)
    case let doubles as [Double]: .doubles(doubles)
    case let bytes as [UInt8]: .bytes(bytes)
    case let ints as [Int]: .ints(ints.map(Int64.init))
    default: nil
    }
  }
}

/// A place a value is written to; containers fill it in.
private final class Slot {
  enum Content {
    case value(BinaryValue)
    case object(ObjectBox)
    case array(ArrayBox)
  }

  let path: [any CodingKey]
  var content: Content = .value(.null)

  init(path: [any CodingKey]) { self.path = path }

  var tree: BinaryValue {
    switch content {
    case .value(let value): value
    case .object(let box): .object(box.members.mapValues(\.tree))
    case .array(let box): .array(box.items.map(\.tree))
    }
  }

  func object() -> ObjectBox {
    if case .object(let box) = content { return box }
    let box = ObjectBox()
    content = .object(box)
    return box
  }

  func array() -> ArrayBox {
    if case .array(let box) = content { return box }
    let box = ArrayBox()
    content = .array(box)
    return box
  }

  func store<T: Encodable>(_ value: T) throws {
    if let block = BinaryBlock.value(of: value) {
      content = .value(block)
    } else {
      try value.encode(to: TreeEncoder(slot: self))
    }
  }
}

private final class ObjectBox { var members: [String: Slot] = [:] }
private final class ArrayBox { var items: [Slot] = [] }

private struct TreeEncoder: Encoder {
  let slot: Slot
  var codingPath: [any CodingKey] { slot.path }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedWriter<Key>(slot: slot, box: slot.object()))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(slot: slot, box: slot.array()) }

  func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(slot: slot) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let slot: Slot
  let box: ObjectBox
  var codingPath: [any CodingKey] { slot.path }

  private func child(_ key: Key) -> Slot {
    let child = Slot(path: slot.path + [key])
    box.members[key.stringValue] = child
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { child(key).content = .value(.null) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).store(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
    let child = child(key)
    return KeyedEncodingContainer(KeyedWriter<NestedKey>(slot: child, box: child.object()))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = child(key)
    return UnkeyedWriter(slot: child, box: child.array())
  }

  // swift-format-ignore: NeverForceUnwrap
  // "super" is a valid string key for any string-keyed container.
  mutating func superEncoder() -> any Encoder { TreeEncoder(slot: child(Key(stringValue: "super")!)) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: child(key)) }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
  let slot: Slot
  let box: ArrayBox
  var codingPath: [any CodingKey] { slot.path }
  var count: Int { box.items.count }

  private func next() -> Slot {
    let child = Slot(path: slot.path + [IndexKey(box.items.count)])
    box.items.append(child)
    return child
  }

  mutating func encodeNil() throws { next().content = .value(.null) }
  mutating func encode<T: Encodable>(_ value: T) throws { try next().store(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let child = next()
    return KeyedEncodingContainer(KeyedWriter<NestedKey>(slot: child, box: child.object()))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = next()
    return UnkeyedWriter(slot: child, box: child.array())
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(slot: next()) }
}

private struct SingleWriter: SingleValueEncodingContainer {
  let slot: Slot
  var codingPath: [any CodingKey] { slot.path }

  mutating func encodeNil() throws { slot.content = .value(.null) }
  mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
  mutating func encode(_ value: String) throws { slot.content = .value(.string(value)) }
  mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
  mutating func encode(_ value: Float) throws { slot.content = .value(.float(value)) }
  mutating func encode(_ value: Int) throws { slot.content = .value(.int(Int64(value))) }
  mutating func encode(_ value: Int8) throws { slot.content = .value(.int(Int64(value))) }
  mutating func encode(_ value: Int16) throws { slot.content = .value(.int(Int64(value))) }
  mutating func encode(_ value: Int32) throws { slot.content = .value(.int(Int64(value))) }
  mutating func encode(_ value: Int64) throws { slot.content = .value(.int(value)) }
  mutating func encode(_ value: UInt) throws { slot.content = .value(.uint(UInt64(value))) }
  mutating func encode(_ value: UInt8) throws { slot.content = .value(.uint(UInt64(value))) }
  mutating func encode(_ value: UInt16) throws { slot.content = .value(.uint(UInt64(value))) }
  mutating func encode(_ value: UInt32) throws { slot.content = .value(.uint(UInt64(value))) }
  mutating func encode(_ value: UInt64) throws { slot.content = .value(.uint(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value) }
}
