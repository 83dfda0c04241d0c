/// How a suite starts a plugin: the program with its arguments, and the options passed to it
/// untouched in `hello`.
public struct PluginLaunch: Sendable, Hashable {
  /// The program (found on `PATH` when it has no `/`) and its arguments; never empty.
  public let command: [String]
  /// The suite's `options:` value, `.null` when it gives none.
  public let options: JSONValue

  /// Creates a launch.
  ///
  /// - Precondition: `command` is not empty.
  public init(command: [String], options: JSONValue) {
    precondition(!command.isEmpty, "a plugin command needs a program")
    self.command = command
    self.options = options
  }
}
