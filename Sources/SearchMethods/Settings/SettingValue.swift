/// A kind of value a method setting can hold: how it is named in messages and shown in help.
public protocol SettingValue: Codable, Sendable, Equatable {
  /// What a value of this kind looks like, for messages: "an integer", "a number".
  static var noun: String { get }
  /// The value as help and messages show it.
  var settingText: String { get }
  /// Whether the value is a finite number (always true for values that are not numbers).
  var isFinite: Bool { get }
}

extension SettingValue {
  public var isFinite: Bool { true }
}

extension Int: SettingValue {
  public static var noun: String { "an integer" }
  public var settingText: String { String(self) }
}

extension Double: SettingValue {
  public static var noun: String { "a number" }
  public var settingText: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : description }
}

extension Float: SettingValue {
  public static var noun: String { "a number" }
  public var settingText: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : description }
}

extension Array: SettingValue where Element == Int {
  public static var noun: String { "a list of integers" }
  public var settingText: String { "[" + map(String.init).joined(separator: ", ") + "]" }
}

/// A setting with a closed set of named values (an enum with kebab-case raw values).
///
/// Decoding an unknown name gives one error that lists every allowed name.
public protocol SettingChoice: SettingValue, RawRepresentable, CaseIterable where RawValue == String {}

extension SettingChoice {
  public static var noun: String { "one of " + allowedNames.joined(separator: ", ") }
  public var settingText: String { rawValue }

  /// Every allowed name, in declaration order.
  public static var allowedNames: [String] { allCases.map(\.rawValue) }
}
