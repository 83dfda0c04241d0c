import ArgumentParser
import Foundation
import SearchMethods

/// `nasarena methods`: every method with its settings and defaults.
struct MethodsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "methods",
    abstract: "List every method with its settings and their defaults.",
    discussion: "Example:\n  nasarena methods")

  func run() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for entry in MethodRegistry.builtIn {
      print("\(entry.name)\n  \(entry.abstract)")
      let defaults = (try? JSONSerialization.jsonObject(with: encoder.encode(entry.defaults))) as? [String: Any] ?? [:]
      for help in entry.help {
        let value = defaults[help.key].map { "\($0)" } ?? "-"
        print("  \(help.key) = \(value)\n      \(help.meaning)")
      }
      print("")
    }
  }
}
