/// One setting of a method, declared once: its YAML key, what it means, the values it accepts,
/// and where it lives in the settings value.
///
/// A method's `Settings.schema` lists its settings; decoding (unknown keys refused, with a
/// suggestion), range checks, the encoding into a run's resolved suite, `nasarena methods` and
/// the quick settings of tests all come from that list. Each declaration may also say how a
/// test can vary it (`probe`) and, when varying it does not change which architectures are
/// queried, why (`sameTrajectory`).
public struct Setting<Settings: MethodSettings> {
  /// The YAML key.
  public let key: String
  /// What the setting means, with units.
  public let meaning: String
  /// The values it accepts, in words ("an integer in 1...1000").
  public let allowed: String
  /// Why changing this setting does not change which architectures a trial queries, or `nil`
  /// when it does (the registry-wide law test checks it on the tiny task).
  public let sameTrajectory: String?

  let defaultText: (Settings) -> String
  let decode: (inout Settings, KeyedDecodingContainer<SettingKey>) throws -> Void
  let encode: (Settings, inout KeyedEncodingContainer<SettingKey>) throws -> Void
  let check: (Settings) throws -> Void
  let makeQuick: (inout Settings) -> Void
  let makeProbe: (inout Settings) -> Void

  private init<Value: SettingValue>(
    _ keyPath: WritableKeyPath<Settings, Value>, key: String, meaning: String, allowed: String,
    accepts: @escaping (Value) -> Bool, quick: Value?, probe: @escaping (Value) -> Value,
    whenAbsent fallback: KeyPath<Settings, Value>?, sameTrajectory: String?,
    read: @escaping (KeyedDecodingContainer<SettingKey>, SettingKey) throws -> Value,
    write: @escaping (Value, inout KeyedEncodingContainer<SettingKey>, SettingKey) throws -> Void
  ) {
    self.key = key
    self.meaning = meaning
    self.allowed = allowed
    self.sameTrajectory = sameTrajectory
    let codingKey = SettingKey(key)
    func requireAccepted(_ value: Value) throws {
      guard value.isFinite, accepts(value) else {
        throw MethodSettingsError.invalidValue(key: key, value: value.settingText, expected: allowed, path: [key])
      }
    }
    defaultText = { settings in settings[keyPath: keyPath].settingText }
    decode = { settings, container in
      if container.contains(codingKey) {
        let value = try read(container, codingKey)
        try requireAccepted(value)
        settings[keyPath: keyPath] = value
      } else if let fallback {
        settings[keyPath: keyPath] = settings[keyPath: fallback]
      }
    }
    encode = { settings, container in try write(settings[keyPath: keyPath], &container, codingKey) }
    check = { settings in try requireAccepted(settings[keyPath: keyPath]) }
    makeQuick = { settings in
      if let quick { settings[keyPath: keyPath] = quick }
    }
    makeProbe = { settings in settings[keyPath: keyPath] = probe(settings[keyPath: keyPath]) }
  }

  /// The default as help shows it.
  public func defaultValue(in defaults: Settings) -> String { defaultText(defaults) }
}

// MARK: - Declaring settings

extension Setting {
  /// A numeric setting (`Int`, `Double` or `Float`) within `bounds`.
  ///
  /// - Parameters:
  ///   - keyPath: where the value lives (it may reach into a model configuration).
  ///   - key: the YAML key.
  ///   - meaning: what it means, with units.
  ///   - bounds: the accepted values; non-finite numbers are always refused.
  ///   - quick: the value tests use to stay fast (small models, few epochs); `nil` keeps the default.
  ///   - probe: a different legal value that tests use to show the setting matters; by default
  ///     twice the value (or the next value inside the bounds).
  ///   - fallback: the setting whose value this one takes when the suite leaves it out.
  ///   - sameTrajectory: why changing it does not change the queried architectures, if so.
  public init<Value: SettingValue & Comparable & Numeric>(
    _ keyPath: WritableKeyPath<Settings, Value>, _ key: String, _ meaning: String, in bounds: SettingBounds<Value>,
    quick: Value? = nil, probe: Value? = nil, whenAbsent fallback: KeyPath<Settings, Value>? = nil,
    sameTrajectory: String? = nil
  ) {
    let allowed = bounds.phrase(Value.noun, integral: Value.self == Int.self, text: \.settingText)
    self.init(
      keyPath, key: key, meaning: meaning, allowed: allowed, accepts: bounds.contains, quick: quick,
      probe: { value in
        if let probe { return probe }
        let doubled = value + value
        if doubled != value, bounds.contains(doubled) { return doubled }
        return bounds.contains(value + 1) ? value + 1 : value - 1
      },
      whenAbsent: fallback, sameTrajectory: sameTrajectory,
      read: { container, key in try readValue(Value.self, container, key, expected: allowed) },
      write: { value, container, key in try container.encode(value, forKey: key) })
  }

  /// A numeric setting within a closed range.
  public init<Value: SettingValue & Comparable & Numeric>(
    _ keyPath: WritableKeyPath<Settings, Value>, _ key: String, _ meaning: String, in range: ClosedRange<Value>,
    quick: Value? = nil, probe: Value? = nil, whenAbsent fallback: KeyPath<Settings, Value>? = nil,
    sameTrajectory: String? = nil
  ) {
    self.init(
      keyPath, key, meaning, in: SettingBounds(range), quick: quick, probe: probe, whenAbsent: fallback,
      sameTrajectory: sameTrajectory)
  }

  /// A numeric setting within a half-open range.
  public init<Value: SettingValue & Comparable & Numeric>(
    _ keyPath: WritableKeyPath<Settings, Value>, _ key: String, _ meaning: String, in range: Range<Value>,
    quick: Value? = nil, probe: Value? = nil, sameTrajectory: String? = nil
  ) {
    self.init(keyPath, key, meaning, in: SettingBounds(range), quick: quick, probe: probe, sameTrajectory: sameTrajectory)
  }

  /// A setting with named values; an unknown name is refused with the list of allowed names.
  ///
  /// The default probe is the next allowed value.
  public init<Value: SettingChoice>(
    _ keyPath: WritableKeyPath<Settings, Value>, _ key: String, _ meaning: String,
    quick: Value? = nil, probe: Value? = nil, sameTrajectory: String? = nil
  ) {
    self.init(
      keyPath, key: key, meaning: meaning, allowed: Value.noun, accepts: { _ in true }, quick: quick,
      probe: { value in
        if let probe { return probe }
        let all = Array(Value.allCases)
        let index = all.firstIndex(of: value) ?? 0
        return all[(index + 1) % all.count]
      },
      whenAbsent: nil, sameTrajectory: sameTrajectory,
      read: { container, key in
        let name = try readValue(String.self, container, key, expected: Value.noun)
        guard let value = Value(rawValue: name) else {
          throw MethodSettingsError.invalidValue(key: key.stringValue, value: String(name.prefix(60)), expected: Value.noun, path: [key.stringValue])
        }
        return value
      },
      write: { value, container, key in try container.encode(value.rawValue, forKey: key) })
  }

  /// A list of integers, each within `elements`, with a length within `count`.
  ///
  /// The default probe halves every element (at least the lower bound).
  public init(
    _ keyPath: WritableKeyPath<Settings, [Int]>, _ key: String, _ meaning: String, elementsIn elements: ClosedRange<Int>,
    count: ClosedRange<Int>, quick: [Int]? = nil, probe: [Int]? = nil, sameTrajectory: String? = nil
  ) {
    let allowed = "a list of \(count.lowerBound)...\(count.upperBound) integers, each in \(elements.lowerBound)...\(elements.upperBound)"
    self.init(
      keyPath, key: key, meaning: meaning, allowed: allowed,
      accepts: { list in count.contains(list.count) && list.allSatisfy(elements.contains) }, quick: quick,
      probe: { list in probe ?? list.map { max(elements.lowerBound, $0 / 2) } },
      whenAbsent: nil, sameTrajectory: sameTrajectory,
      read: { container, key in try readValue([Int].self, container, key, expected: allowed) },
      write: { value, container, key in try container.encode(value, forKey: key) })
  }
}

/// The value at `key`, or an error that shows what was found and what was expected.
private func readValue<Value: Decodable>(
  _: Value.Type, _ container: KeyedDecodingContainer<SettingKey>, _ key: SettingKey, expected: String
) throws -> Value {
  do {
    return try container.decode(Value.self, forKey: key)
  } catch is DecodingError {
    if let text = try? container.decode(String.self, forKey: key) {
      throw MethodSettingsError.invalidValue(key: key.stringValue, value: String(text.prefix(60)), expected: expected, path: [key.stringValue])
    }
    throw MethodSettingsError.notAValue(key: key.stringValue, expected: expected, path: [key.stringValue])
  }
}

/// A settings key as a coding key.
struct SettingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }

  init(_ key: String) { stringValue = key }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
