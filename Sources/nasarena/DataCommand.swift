import ArgumentParser
import Benchmarks
import Foundation
import Harness

/// `nasarena data`: what the shipped benchmark data holds, and whether it is intact.
struct DataCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Inspect and verify the benchmark data.",
    subcommands: [Info.self, Verify.self])

  struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "info",
      abstract: "Print every task: domain and pool sizes, columns used and the optimum of each metric.",
      discussion: "Example:\n  nasarena data info")

    func run() async throws {
      try await reportingErrors {
        let catalog = try CatalogTaskSource().catalog
        print("data folder: \(catalog.data.path)\n")
        for summary in try catalog.describe() { print(summary.description + "\n") }
      }
    }
  }

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check every data file against data/SHA256SUMS.",
      discussion: "Example:\n  nasarena data verify")

    func run() async throws {
      try await reportingErrors {
        let data = try CatalogTaskSource().catalog.data
        for (file, expected) in try data.expectedChecksums().sorted(by: { $0.key < $1.key }) {
          let actual = try data.verifiedChecksum(of: file)
          print("\(actual == expected ? "ok" : "MISMATCH")  \(file)")
        }
      }
    }
  }
}
