/// A settings block that cannot be used.
public enum MethodSettingsError: Error, Equatable, CustomStringConvertible {
  /// A key that the method does not have.
  case unknownKey(key: String, allowed: [String], path: [String])
  /// A value outside its accepted values.
  case invalidValue(key: String, value: String, expected: String, path: [String])
  /// A list or mapping where a single value was expected (or the reverse).
  case notAValue(key: String, expected: String, path: [String])

  /// The YAML key path of the offending key (e.g. `methods`, `1`, `settings`, `populaton`).
  public var path: [String] {
    switch self {
    case .unknownKey(_, _, let path), .invalidValue(_, _, _, let path), .notAValue(_, _, let path): path
    }
  }

  /// The message, without the location (the suite loader adds file, line and column).
  public var description: String {
    switch self {
    case .unknownKey(let key, let allowed, _):
      let suggestion = Suggestion.closest(to: key, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
      return "unknown key '\(key)'\(suggestion); allowed: \(allowed.isEmpty ? "none (this method has no settings)" : allowed.joined(separator: ", "))"
    case .invalidValue(let key, let value, let expected, _):
      return "invalid value '\(value)' for '\(key)'; expected \(expected)"
    case .notAValue(let key, let expected, _):
      return "'\(key)' is not of the right shape; expected \(expected)"
    }
  }

  /// The same error with `prefix` (the settings block's own path) put before its path.
  public func prefixed(by prefix: [String]) -> MethodSettingsError {
    switch self {
    case .unknownKey(let key, let allowed, let path): .unknownKey(key: key, allowed: allowed, path: prefix + path)
    case .invalidValue(let key, let value, let expected, let path):
      .invalidValue(key: key, value: value, expected: expected, path: prefix + path)
    case .notAValue(let key, let expected, let path): .notAValue(key: key, expected: expected, path: prefix + path)
    }
  }
}
