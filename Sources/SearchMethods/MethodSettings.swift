/// The settings of a search method, decoded from a suite's `settings:` block.
///
/// Every field has a default (`init()`), unknown keys are errors, and `validate()` checks what
/// spans several fields. Settings are encoded back into the resolved suite of a run, so a run
/// folder says every value that was used.
public protocol MethodSettings: Codable, Sendable {
  /// The defaults.
  init()
  /// Checks across fields; throws `MethodSettingsError.invalidValue` on bad values.
  func validate() throws
  /// One line per setting for `nasarena methods`: name, default and meaning.
  static var help: [SettingHelp] { get }
}

/// The help line of one setting.
public struct SettingHelp: Sendable, Hashable {
  /// The YAML key.
  public let key: String
  /// What it means, with units and valid range.
  public let meaning: String

  /// Creates a help line.
  public init(_ key: String, _ meaning: String) {
    self.key = key
    self.meaning = meaning
  }
}

/// A settings block that cannot be used.
public enum MethodSettingsError: Error, Equatable, CustomStringConvertible {
  /// A key that the method does not have.
  case unknownKey(key: String, allowed: [String], path: [String])
  /// A value outside its valid range.
  case invalidValue(key: String, value: String, expected: String, path: [String])

  /// The YAML key path of the offending key (e.g. `methods`, `1`, `settings`, `populaton`).
  public var path: [String] {
    switch self {
    case .unknownKey(_, _, let path), .invalidValue(_, _, _, let path): path
    }
  }

  /// The message, without the location (the suite loader adds file, line and column).
  public var description: String {
    switch self {
    case .unknownKey(let key, let allowed, _):
      let suggestion = Suggestion.closest(to: key, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
      return "unknown key '\(key)'\(suggestion); allowed: \(allowed.joined(separator: ", "))"
    case .invalidValue(let key, let value, let expected, _):
      return "invalid value '\(value)' for '\(key)'; expected \(expected)"
    }
  }
}

private struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// Throws `MethodSettingsError.unknownKey` when the mapping being decoded has a key that is
  /// not one of `Keys`.
  public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
    let present = try container(keyedBy: AnyCodingKey.self).allKeys
    let allowed = Keys.allCases.map(\.stringValue)
    for key in present where !allowed.contains(key.stringValue) {
      throw MethodSettingsError.unknownKey(
        key: key.stringValue, allowed: allowed, path: codingPath.map(\.pathComponent) + [key.stringValue])
    }
  }
}

extension CodingKey {
  /// The key as a path component: the index for list elements, else the key's name.
  public var pathComponent: String { intValue.map(String.init) ?? stringValue }
}

extension MethodSettingsError {
  /// The same error with `prefix` (the settings block's own path) put before its path.
  public func prefixed(by prefix: [String]) -> MethodSettingsError {
    switch self {
    case .unknownKey(let key, let allowed, let path): .unknownKey(key: key, allowed: allowed, path: prefix + path)
    case .invalidValue(let key, let value, let expected, let path): .invalidValue(key: key, value: value, expected: expected, path: prefix + path)
    }
  }
}

extension KeyedDecodingContainer {
  /// The value for `key`, or `fallback` when the key is absent.
  public func decode<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }
}

extension MethodSettings {
  /// Throws an `invalidValue` error for `key` unless `value` is at least 1.
  public func requirePositive(_ value: Int, _ key: String) throws {
    try require(value >= 1, key, value, expected: "an integer >= 1")
  }

  /// Throws an `invalidValue` error for `key` unless `condition` holds.
  public func require(_ condition: Bool, _ key: String, _ value: some CustomStringConvertible, expected: String) throws {
    guard condition else {
      throw MethodSettingsError.invalidValue(key: key, value: value.description, expected: expected, path: [key])
    }
  }
}
