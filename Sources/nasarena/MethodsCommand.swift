import ArgumentParser
import SearchMethods

/// `nasarena methods`: every method with its settings, defaults and accepted values.
struct MethodsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "methods",
    abstract: "List every method with its settings, their defaults and accepted values.",
    discussion: "Example:\n  nasarena methods")

  func run() throws {
    for entry in MethodRegistry.builtIn {
      print("\(entry.name)\n  \(entry.abstract)")
      for help in entry.help {
        print("  \(help.key) = \(help.defaultValue)\n      \(help.meaning); \(help.allowed)")
      }
      print("")
    }
  }
}
