import ArgumentParser
import ExternalMethods
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
      print(SettingsDocument.markdown(for: MethodCatalog.methods + [ExternalMethod.documentationEntry]), terminator: "")
      return
    }
    for entry in MethodCatalog.methods + [ExternalMethod.documentationEntry] {
      print("\(entry.name)\n  \(entry.abstract)")
      if entry.name == ExternalMethod.name {
        print("  command = (required) the program and its arguments, e.g. [python3, plugins/random_search.py]")
        print("  options = (none) any YAML value, sent to the plugin untouched")
      }
      if let note = entry.reconstruction { print("  RECONSTRUCTION: \(note)") }
      for help in entry.help {
        print("  \(help.key) = \(help.defaultValue)\n      \(help.meaning); \(help.allowed)")
      }
      print("")
    }
  }
}
