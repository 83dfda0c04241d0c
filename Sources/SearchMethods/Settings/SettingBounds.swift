/// The values a numeric setting or suite key accepts: an optional lower and upper bound, each
/// inclusive or not. Non-finite numbers are never inside.
///
/// Every numeric setting has an upper bound, so a value that would exhaust memory or time is
/// refused when the suite is loaded, not when a trial allocates.
public struct SettingBounds<Value: Comparable & Sendable>: Sendable {
  /// The lower bound and whether it is allowed.
  public let lower: (value: Value, inclusive: Bool)?
  /// The upper bound and whether it is allowed.
  public let upper: (value: Value, inclusive: Bool)?

  /// Bounds from their parts.
  public init(lower: (value: Value, inclusive: Bool)?, upper: (value: Value, inclusive: Bool)?) {
    self.lower = lower
    self.upper = upper
  }

  /// `range.lowerBound ... range.upperBound`, both allowed.
  public init(_ range: ClosedRange<Value>) {
    self.init(lower: (range.lowerBound, true), upper: (range.upperBound, true))
  }

  /// `range.lowerBound ..< range.upperBound`.
  public init(_ range: Range<Value>) {
    self.init(lower: (range.lowerBound, true), upper: (range.upperBound, false))
  }

  /// Values above `lower` (not equal to it) and at most `upper`.
  public static func greaterThan(_ lower: Value, atMost upper: Value) -> SettingBounds {
    SettingBounds(lower: (lower, false), upper: (upper, true))
  }

  /// Whether `value` is inside.
  public func contains(_ value: Value) -> Bool {
    if let lower, lower.inclusive ? value < lower.value : value <= lower.value { return false }
    if let upper, upper.inclusive ? value > upper.value : value >= upper.value { return false }
    return true
  }

  /// "an integer in 1...1000", "a number in (0, 10]": the noun and the bounds in words.
  public func phrase(_ noun: String, integral: Bool, text: (Value) -> String = { "\($0)" }) -> String {
    switch (lower, upper) {
    case (let lower?, let upper?):
      if integral && lower.inclusive && upper.inclusive { return "\(noun) in \(text(lower.value))...\(text(upper.value))" }
      return "\(noun) in \(lower.inclusive ? "[" : "(")\(text(lower.value)), \(text(upper.value))\(upper.inclusive ? "]" : ")")"
    case (let lower?, nil):
      return "\(noun) \(lower.inclusive ? ">=" : ">") \(text(lower.value))"
    case (nil, let upper?):
      return "\(noun) \(upper.inclusive ? "<=" : "<") \(text(upper.value))"
    case (nil, nil):
      return noun
    }
  }
}
