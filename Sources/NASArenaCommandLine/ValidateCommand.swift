import ArgumentParser
import Foundation
import Harness
import SearchMethods

/// `nasarena validate`: check suites without running them.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check suite files (keys, ranges, settings against each task's search space) without running them.",
    discussion: """
      Examples:
        nasarena validate configs/*.yaml
        nasarena validate configs/quickstart.yaml --resolved
      """)

  @Argument(help: "Suite YAML files.")
  var suites: [String]

  @Flag(help: "Print the resolved suite (every default filled in).")
  var resolved = false

  func run() async throws {
    try await reportingErrors {
      let loader = SuiteLoader(methods: MethodCatalog.methods, taskNames: CatalogTaskSource.knownTaskNames)
      let source: CatalogTaskSource?
      do {
        source = try CatalogTaskSource()
      } catch {
        source = nil
        FileHandle.standardError.write(Data("nasarena: note: \(error); search-space checks skipped\n".utf8))
      }
      for path in suites {
        let suite = try loader.load(path: path, preflight: source.map(NumericBackendChoice.preflight))
        let cells = suite.tasks.count * suite.methods.count * suite.trials
        print("\(path): ok (\(suite.tasks.count) tasks x \(suite.methods.count) methods x \(suite.trials) trials = \(cells) trials)")
        if resolved { print(try suite.resolvedYAML()) }
      }
    }
  }
}
