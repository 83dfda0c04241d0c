import SearchMethods
import SearchSpaces

/// The settings of a plugin method (`method: external`), besides its `command` and `options`.
public struct ExternalMethodSettings: MethodSettings {
  /// An encoding of the space whose features `hello` sends, or none.
  public enum Encoding: String, SettingChoice {
    /// Only the token rows.
    case none
    /// `EncodingKind.oneHot`.
    case oneHot = "one-hot"
    /// `EncodingKind.path`.
    case path

    /// The space encoding, or `nil` for `none`.
    public var kind: EncodingKind? {
      switch self {
      case .none: nil
      case .oneHot: .oneHot
      case .path: .path
      }
    }
  }

  /// Seconds the plugin may take to answer one message (hello, ask or tell).
  public var stepTimeout = 600.0
  /// Seconds of wall clock one trial may take in all, from the plugin's start.
  public var trialTimeout = 21_600.0
  /// The feature encoding sent with the domain in `hello`.
  public var encoding = Encoding.none
  /// Lines of the plugin's stderr quoted in a failed trial's message.
  public var stderrTail = 20

  /// The defaults.
  public init() {}

  public static var schema: [Setting<Self>] {
    [
      Setting(
        \.stepTimeout, "stepTimeout", "seconds the plugin may take to answer one message (hello, ask or tell)",
        in: 0.1...604_800, sameTrajectory: "a limit on wall clock; a plugin that answers in time queries the same"),
      Setting(
        \.trialTimeout, "trialTimeout", "seconds of wall clock one trial may take in all, from the plugin's start",
        in: 1...2_592_000, sameTrajectory: "a limit on wall clock; a plugin that finishes in time queries the same"),
      Setting(\.encoding, "encoding", "feature encoding of the domain sent in hello, besides the token rows"),
      Setting(
        \.stderrTail, "stderrTail", "lines of the plugin's stderr quoted in a failed trial's message", in: 0...1000,
        sameTrajectory: "only the failure message changes"),
    ]
  }

  public func validate() throws {
    try require(trialTimeout >= stepTimeout, "trialTimeout", trialTimeout, expected: "at least stepTimeout (\(stepTimeout) s)")
  }
}
