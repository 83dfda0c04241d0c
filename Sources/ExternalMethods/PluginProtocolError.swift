/// Why a plugin's trial failed: what the harness was doing (the step and message), what went
/// wrong, and the end of the plugin's stderr.
public struct PluginProtocolError: Error, CustomStringConvertible {
  /// Where in the exchange it happened, e.g. "step 3 (ask)" or "hello".
  public let stage: String
  /// What went wrong, with the offending line quoted where there is one.
  public let problem: String
  /// The last lines of the plugin's stderr.
  public let stderrTail: [String]
  /// The stderr file.
  public let stderrPath: String

  public var description: String {
    var text = "plugin \(stage): \(problem)"
    if stderrTail.isEmpty {
      text += " (its stderr, \(stderrPath), is empty)"
    } else {
      text += "; last lines of its stderr (\(stderrPath)):\n" + stderrTail.map { "  | \($0)" }.joined(separator: "\n")
    }
    return text
  }
}
