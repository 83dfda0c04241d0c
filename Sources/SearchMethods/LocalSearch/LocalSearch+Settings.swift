extension LocalSearch {
  /// How the next architecture is chosen from the neighbourhood.
  public enum Variant: String, Codable, Sendable, CaseIterable, SettingChoice {
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

    public static var schema: [Setting<Self>] {
      [
        Setting(\.variant, "variant", "neighbourhood rule: first-improvement (naszilla) or best-improvement (NASLib)"),
        Setting(
          \.initialSize, "initialSize", "random architectures of the shared initial design to start from (the best of them)", in: 1...1_000_000),
      ]
    }
  }
}
