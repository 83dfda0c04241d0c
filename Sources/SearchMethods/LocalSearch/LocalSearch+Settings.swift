extension LocalSearch {
  /// How the next architecture is chosen from the neighbourhood.
  public enum Variant: String, Codable, Sendable, CaseIterable {
    /// Query neighbours one by one in random order; move to the first improvement (naszilla).
    case firstImprovement = "first-improvement"
    /// Query the whole neighbourhood; move to its best member if it improves (NASLib).
    case bestImprovement = "best-improvement"
  }

  /// Local search's settings.
  public struct Settings: MethodSettings {
    /// The neighbourhood rule.
    public var variant = Variant.firstImprovement
    /// Random architectures of the shared initial design; the search starts from their best.
    public var initialSize = 10

    /// The defaults.
    public init() {}

    public static var help: [SettingHelp] {
      [
        SettingHelp("variant", "first-improvement (naszilla) or best-improvement (NASLib)"),
        SettingHelp("initialSize", "random architectures of the shared initial design to start from (the best of them), >= 1"),
      ]
    }

    public func validate() throws {
      try requirePositive(initialSize, "initialSize")
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case variant, initialSize }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self.init()
      let raw = try container.decode(.variant, default: variant.rawValue)
      guard let parsed = Variant(rawValue: raw) else {
        throw MethodSettingsError.invalidValue(
          key: "variant", value: raw, expected: "one of \(Variant.allCases.map(\.rawValue).joined(separator: ", "))",
          path: decoder.codingPath.map(\.pathComponent) + ["variant"])
      }
      variant = parsed
      initialSize = try container.decode(.initialSize, default: initialSize)
    }
  }
}
