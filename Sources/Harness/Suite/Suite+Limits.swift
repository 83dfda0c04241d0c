import SearchMethods

/// The accepted values of every numeric suite key, checked when the suite is loaded.
///
/// Every bound above is there because memory or time grows with the value: a suite that
/// passes `validate` cannot fail later by allocating too much.
public enum SuiteLimits {
  /// Longest suite `name` (run folders are `<name>-<yyyyMMdd-HHmmss>`, within the usual 255).
  public static let nameLength = 200
  /// `trials` per (task, method).
  public static let trials = SettingBounds(1...10_000)
  /// `budget.queries`.
  public static let queries = SettingBounds(1...10_000_000)
  /// `budget.seconds` (simulated).
  public static let seconds = SettingBounds<Double>.greaterThan(0, atMost: 1e12)
  /// `workers` (0: one per core).
  public static let workers = SettingBounds(0...1024)
  /// Each of `report.checkpoints`.
  public static let checkpoint = SettingBounds(1...10_000_000)
  /// How many `report.checkpoints` (each costs a bootstrap and a test per pair of methods).
  public static let checkpointCount = 1...100
  /// `report.secondsGridPoints`.
  public static let secondsGridPoints = SettingBounds(2...10_000)
  /// `report.bootstrapSamples`.
  public static let bootstrapSamples = SettingBounds(100...100_000)
  /// `report.confidence`.
  public static let confidence = SettingBounds<Double>(lower: (0, false), upper: (1, false))
  /// Each of `predictorQuality.sizes`.
  public static let trainingSize = SettingBounds(2...1_000_000)
  /// How many `predictorQuality.sizes` or `precisionAt` values.
  public static let listCount = 1...100
  /// `predictorQuality.seeds`.
  public static let predictorSeeds = SettingBounds(1...1_000)
  /// Each of `predictorQuality.precisionAt`.
  public static let precisionAt = SettingBounds(1...1_000_000)
  /// At most `trials x secondsGridPoints` values per curve table of a (task, method).
  public static let curveValues = 10_000_000
}

extension SettingBounds where Value == Int {
  /// The bounds in words, e.g. "an integer in 1...10000".
  var integerPhrase: String { phrase("an integer", integral: true) }
}

extension SettingBounds where Value == Double {
  /// The bounds in words, e.g. "a number in (0, 1)".
  var numberPhrase: String { phrase("a number", integral: false, text: \.settingText) }
}

extension KeyedDecodingContainer {
  /// The integer at `key` (or `fallback` when absent) within `bounds`.
  ///
  /// - Throws: `SuiteValueError` at the key, showing the value found and the bounds.
  func integer(_ key: Key, default fallback: Int? = nil, in bounds: SettingBounds<Int>, path: [String]) throws -> Int {
    let value = try scalar(Int.self, key, default: fallback, expected: bounds.integerPhrase, path: path)
    guard bounds.contains(value) else {
      throw SuiteValueError(path: path + [key.stringValue], message: "invalid value '\(value)'; expected \(bounds.integerPhrase)")
    }
    return value
  }

  /// The finite number at `key` (or `fallback` when absent) within `bounds`.
  ///
  /// - Throws: `SuiteValueError` at the key, showing the value found and the bounds.
  func number(_ key: Key, default fallback: Double? = nil, in bounds: SettingBounds<Double>, path: [String]) throws -> Double {
    let value = try scalar(Double.self, key, default: fallback, expected: bounds.numberPhrase, path: path)
    guard value.isFinite, bounds.contains(value) else {
      throw SuiteValueError(path: path + [key.stringValue], message: "invalid value '\(value.settingText)'; expected \(bounds.numberPhrase)")
    }
    return value
  }

  /// A list of integers at `key` (or `fallback`), each within `bounds`, with a count in `count`.
  ///
  /// - Throws: `SuiteValueError` at the key or the offending element.
  func integers(_ key: Key, default fallback: [Int], each bounds: SettingBounds<Int>, count: ClosedRange<Int>, path: [String]) throws -> [Int] {
    let expected = "a list of \(count.lowerBound)...\(count.upperBound) integers, each in \(bounds.integerPhrase.dropFirst("an integer in ".count))"
    let values = try scalar([Int].self, key, default: fallback, expected: expected, path: path)
    guard count.contains(values.count) else {
      throw SuiteValueError(path: path + [key.stringValue], message: "a list of \(values.count) values; expected \(expected)")
    }
    if let index = values.firstIndex(where: { !bounds.contains($0) }) {
      throw SuiteValueError(
        path: path + [key.stringValue, String(index)], message: "invalid value '\(values[index])'; expected \(bounds.integerPhrase)")
    }
    return values
  }

  /// One of `Choice`'s names at `key` (or `fallback`).
  ///
  /// - Throws: `SuiteValueError` listing the allowed names.
  func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type, _ key: Key, default fallback: Choice, path: [String]) throws -> Choice
  where Choice.RawValue == String {
    let names = Choice.allCases.map(\.rawValue)
    let expected = "one of " + names.joined(separator: ", ")
    let name = try scalar(String.self, key, default: fallback.rawValue, expected: expected, path: path)
    guard let value = Choice(rawValue: name) else {
      let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SuiteValueError(path: path + [key.stringValue], message: "invalid value '\(name)'\(hint); expected \(expected)")
    }
    return value
  }

  /// The value at `key` or `fallback`; a value of the wrong kind becomes a `SuiteValueError`
  /// naming what was expected (never a type name).
  func scalar<T: Decodable>(_: T.Type, _ key: Key, default fallback: T?, expected: String, path: [String]) throws -> T {
    guard contains(key) else {
      if let fallback { return fallback }
      throw SuiteValueError(path: path, message: "missing key '\(key.stringValue)'; expected \(expected)")
    }
    do {
      return try decode(T.self, forKey: key)
    } catch is DecodingError {
      let found = (try? decode(String.self, forKey: key)).map { "invalid value '\($0.prefix(60))'" } ?? "a list or mapping"
      throw SuiteValueError(path: path + [key.stringValue], message: "\(found); expected \(expected)")
    }
  }
}
