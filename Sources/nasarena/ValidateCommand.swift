import ArgumentParser
import Harness

/// `nasarena validate`: check suites without running them.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check suite files without running them; print each resolved suite with --resolved.",
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
      let loader = SuiteLoader(taskNames: CatalogTaskSource.knownTaskNames)
      for path in suites {
        let suite = try loader.load(path: path)
        let cells = suite.tasks.count * suite.methods.count * suite.trials
        print("\(path): ok (\(suite.tasks.count) tasks x \(suite.methods.count) methods x \(suite.trials) trials = \(cells) trials)")
        if resolved { print(try suite.resolvedYAML()) }
      }
    }
  }
}
