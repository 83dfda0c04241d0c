import Foundation

/// Any JSON value: what a suite's `options:` block holds for a plugin, passed on untouched.
///
/// It decodes from YAML or JSON (numbers stay integers when they are integral in the text) and
/// encodes back to JSON with keys in a fixed order, so the same suite sends the same `hello`.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
}

extension JSONValue: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: Key.self) {
      var object: [String: JSONValue] = [:]
      for key in keyed.allKeys { object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
      self = .object(object)
      return
    }
    if var unkeyed = try? decoder.unkeyedContainer() {
      var array: [JSONValue] = []
      while !unkeyed.isAtEnd { array.append(try unkeyed.decode(JSONValue.self)) }
      self = .array(array)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Int.self) {
      self = .integer(value)
    } else if let value = try? single.decode(Double.self) {
      guard value.isFinite else {
        throw DecodingError.dataCorruptedError(in: single, debugDescription: "a number that JSON cannot hold (\(value))")
      }
      self = .number(value)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .integer(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .number(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .string(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .array(let values):
      var unkeyed = encoder.unkeyedContainer()
      for value in values { try unkeyed.encode(value) }
    case .object(let object):
      var keyed = encoder.container(keyedBy: Key.self)
      for key in object.keys.sorted() { try keyed.encode(object[key], forKey: Key(stringValue: key)) }
    }
  }
}

extension JSONValue {
  /// The value parsed from one line of JSON text.
  ///
  /// - Throws: `DecodingError` when the text is not JSON.
  public static func parse(_ bytes: some Collection<UInt8>) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The value as compact JSON text with sorted keys.
  public func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// The member `key` of an object, or `nil` (also for a value that is not an object).
  public subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { object[key] } else { nil }
  }

  /// The string, or `nil` for any other kind.
  public var stringValue: String? { if case .string(let value) = self { value } else { nil } }

  /// The integer (also an integral number), or `nil`.
  public var integerValue: Int? {
    switch self {
    case .integer(let value): value
    case .number(let value) where value == value.rounded() && abs(value) < 9e15: Int(value)
    default: nil
    }
  }

  /// The number (also an integer), or `nil`.
  public var numberValue: Double? {
    switch self {
    case .integer(let value): Double(value)
    case .number(let value): value
    default: nil
    }
  }

  /// The kind in words, for error messages ("a string", "an object").
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .integer, .number: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    }
  }
}
