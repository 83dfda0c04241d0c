/// The settings of a search method, decoded from a suite's `settings:` block.
///
/// Each setting is declared once, in `schema` (key, meaning, accepted values, where it lives);
/// decoding, range checks, unknown-key rejection, the encoding into the resolved suite, the help
/// of `nasarena methods` and the quick settings of tests are all derived from it. Every field has
/// a default (`init()`); `validate()` checks what spans several fields.
public protocol MethodSettings: Sendable {
  /// The defaults.
  init()
  /// Every setting, in the order help lists them.
  static var schema: [Setting<Self>] { get }
  /// Checks across fields; throws `MethodSettingsError.invalidValue` on bad combinations.
  func validate() throws
}

extension MethodSettings {
  /// No checks across fields.
  public func validate() throws {}

  /// One help line per setting: key, default, meaning and accepted values.
  public static var help: [SettingHelp] {
    let defaults = Self()
    return schema.map { SettingHelp($0.key, $0.meaning, default: $0.defaultValue(in: defaults), allowed: $0.allowed) }
  }

  /// The YAML keys, in schema order.
  public static var keys: [String] { schema.map(\.key) }

  /// The defaults with every declared `quick` value: small models and few epochs, for tests.
  public static var quick: Self {
    var settings = Self()
    for setting in schema { setting.makeQuick(&settings) }
    return settings
  }

  /// Settings decoded from a `settings:` mapping: unknown keys refused (with a suggestion),
  /// each value checked against its declaration, then `validate()`.
  ///
  /// - Throws: `MethodSettingsError` with the full key path of the offending value.
  public static func decoded(from decoder: any Decoder) throws -> Self {
    let prefix = decoder.codingPath.map(\.pathComponent)
    do {
      let allowed = keys
      let container = try decoder.container(keyedBy: SettingKey.self)
      for key in container.allKeys where !allowed.contains(key.stringValue) {
        throw MethodSettingsError.unknownKey(key: key.stringValue, allowed: allowed, path: [key.stringValue])
      }
      var settings = Self()
      for setting in schema { try setting.decode(&settings, container) }
      try settings.checked()
      return settings
    } catch let error as MethodSettingsError {
      throw error.prefixed(by: prefix)
    } catch is DecodingError {
      throw MethodSettingsError.notAValue(key: prefix.last ?? "settings", expected: "a mapping of setting keys to values", path: [])
        .prefixed(by: prefix)
    }
  }

  /// Checks every value against its declaration, then `validate()`.
  ///
  /// - Throws: `MethodSettingsError.invalidValue` naming the key.
  public func checked() throws {
    for setting in Self.schema { try setting.check(self) }
    try validate()
  }

  /// Writes every setting, keyed by its YAML key.
  public func encodeSettings(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: SettingKey.self)
    for setting in Self.schema { try setting.encode(self, &container) }
  }

  /// Throws an `invalidValue` error for `key` unless `condition` holds (for `validate()`).
  public func require(_ condition: Bool, _ key: String, _ value: some CustomStringConvertible, expected: String) throws {
    guard condition else {
      throw MethodSettingsError.invalidValue(key: key, value: value.description, expected: expected, path: [key])
    }
  }
}

/// Any method's settings as an `Encodable` value (keys sorted by the encoder, if it sorts).
public struct EncodableSettings: Encodable {
  /// The settings.
  public let settings: any MethodSettings

  /// Wraps `settings`.
  public init(_ settings: any MethodSettings) {
    self.settings = settings
  }

  public func encode(to encoder: any Encoder) throws {
    try settings.encodeSettings(to: encoder)
  }
}

/// The help line of one setting.
public struct SettingHelp: Sendable, Hashable {
  /// The YAML key.
  public let key: String
  /// What it means, with units.
  public let meaning: String
  /// The default as YAML would write it.
  public let defaultValue: String
  /// The accepted values in words.
  public let allowed: String

  /// Creates a help line.
  public init(_ key: String, _ meaning: String, default defaultValue: String, allowed: String) {
    self.key = key
    self.meaning = meaning
    self.defaultValue = defaultValue
    self.allowed = allowed
  }
}

extension CodingKey {
  /// The key as a path component: the index for list elements, else the key's name.
  public var pathComponent: String { intValue.map(String.init) ?? stringValue }
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
  /// not one of `Keys` (for the suite's own blocks; method settings use their schema).
  public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
    let present = try container(keyedBy: AnyCodingKey.self).allKeys
    let allowed = Keys.allCases.map(\.stringValue)
    for key in present where !allowed.contains(key.stringValue) {
      throw MethodSettingsError.unknownKey(
        key: key.stringValue, allowed: allowed, path: codingPath.map(\.pathComponent) + [key.stringValue])
    }
  }
}

extension KeyedDecodingContainer {
  /// The value for `key`, or `fallback` when the key is absent.
  public func decode<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }
}
