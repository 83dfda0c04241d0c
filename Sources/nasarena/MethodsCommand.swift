import ArgumentParser
import SearchMethods

/// `nasarena methods`: every method with its settings, defaults and accepted values.
struct MethodsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "methods",
    abstract: "List every method with its settings, their defaults and accepted values.",
    discussion: "Examples:\n  nasarena methods\n  nasarena methods --markdown > docs/SETTINGS.md")

  @Flag(help: "Print the settings reference as Markdown (docs/SETTINGS.md).")
  var markdown = false

  func run() throws {
    if markdown {
      print(SettingsDocument.markdown(for: MethodRegistry.builtIn), terminator: "")
      return
    }
    for entry in MethodRegistry.builtIn {
      print("\(entry.name)\n  \(entry.abstract)")
      if let note = entry.reconstruction { print("  RECONSTRUCTION: \(note)") }
      for help in entry.help {
        print("  \(help.key) = \(help.defaultValue)\n      \(help.meaning); \(help.allowed)")
      }
      print("")
    }
  }
}
