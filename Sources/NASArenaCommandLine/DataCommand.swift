import ArgumentParser
import Benchmarks
import Foundation
import Harness
import SearchMethods

/// `nasarena data`: what the shipped benchmark data holds, and whether it is intact.
struct DataCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Inspect and verify the benchmark data.",
    subcommands: [Info.self, Verify.self, RandomSearch.self, ImportNASBench101.self])

  struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "info",
      abstract: "Print every task: domain and pool sizes, columns used and the optimum of each metric.",
      discussion: """
        Also lists the columns of each benchmark that a suite may declare tasks over, and with
        --suite the tasks that suite declares. Examples:
          nasarena data info
          nasarena data info --suite configs/nb201-paper-protocol.yaml
        """)

    @Option(help: "Also describe the tasks this suite declares.")
    var suite: String?

    func run() async throws {
      let (failures, attempted) = try await reportingErrors { () async throws -> ([String], Int) in
        let source = try CatalogTaskSource()
        let catalog = source.catalog
        print("data folder: \(catalog.data.path)\n")
        var failures: [String] = []
        var attempted = 0
        for name in TaskCatalog.taskNames {
          attempted += 1
          do {
            print(TaskSummary(try catalog.task(named: name)).description + "\n")
          } catch let error as BenchmarkError {
            if case .notImported = error {
              print("\(name): not imported (\(error))\n")
              attempted -= 1
              continue
            }
            print("\(name): unavailable: \(error)\n")
            failures.append("\(name): \(error)")
          }
        }
        print("## Columns a suite may declare tasks over (tasks: - { name, benchmark, signal, report, cost: { column, scale } })\n")
        for offer in TaskCatalog.benchmarkColumns {
          print(
            "\(offer.benchmark): \(offer.columns.joined(separator: ", "))"
              + (offer.datasets.map { "; dataset: one of \($0.joined(separator: ", "))" } ?? ""))
        }
        if let suite {
          let loaded = try SuiteLoader(methods: MethodCatalog.methods, taskNames: source.taskNames).load(path: suite)
          print("\n## Tasks declared in \(suite)\n")
          if loaded.declaredTasks.isEmpty { print("(none)") }
          for declaration in loaded.declaredTasks { print(TaskSummary(try catalog.task(declared: declaration)).description + "\n") }
        }
        return (failures, attempted)
      }
      if !failures.isEmpty {
        FileHandle.standardError.write(
          Data("nasarena: error: \(failures.count) of \(attempted) tasks cannot be loaded (run 'nasarena data verify'):\n".utf8))
        for failure in failures { FileHandle.standardError.write(Data("  \(failure)\n".utf8)) }
        throw ExitStatus.badData
      }
    }
  }

  struct RandomSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "random-search",
      abstract:
        "Print random search's exact expectations on tasks: incumbent after n queries, chance and time to reach the optimum and the top 0.1 % and 1 %.",
      discussion: """
        Closed forms for uniform sampling without replacement (no simulation), to compare a run's
        curves and queries-to-optimum table with. Example:
          nasarena data random-search nb201-cifar10 nb201-cifar100 --queries 100
        """)

    @Argument(help: "Task names (see `nasarena data info`).")
    var tasks: [String]

    @Option(parsing: .unconditional, help: "Query budget n.")
    var queries = 100

    func validate() throws {
      guard !tasks.isEmpty else { throw ValidationError("name at least one task") }
      guard queries >= 1 else { throw ValidationError("--queries must be at least 1, got \(queries)") }
    }

    func run() async throws {
      try await reportingErrors {
        let source = try CatalogTaskSource()
        for name in tasks {
          let task = try source.task(named: name)
          let expectation = RandomSearchExpectation(task: task)
          let record = task.record
          let n = min(queries, expectation.domainSize)
          let incumbent = expectation.bestSignal(after: n)
          print("## \(name): random search, \(n) queries, \(expectation.domainSize) architectures\n")
          print(
            String(
              format: "report_of_best_signal after %d: %.3f ± %.3f (sd); oracle_max after %d: %.3f\n", n, incumbent.mean, incumbent.standardDeviation,
              n,
              expectation.oracleMax(after: n)))
          print(
            "| target | threshold | architectures at or above | oracle_max: P(reached by \(n)) | expected queries to reach | median | report_of_best_signal: P(incumbent at \(n) reaches) |"
          )
          print("|---|---:|---:|---:|---:|---:|---:|")
          for (label, threshold) in [
            ("optimum", record.optimumReport), ("top 0.1 %", record.topPermilleReport), ("top 1 %", record.topPercentReport),
          ] {
            let k = expectation.count(reaching: threshold)
            print(
              String(
                format: "| %@ | %.4f | %d | %.4f | %.1f | %d | %.4f |", label, threshold, k, expectation.probabilityOfReachingTop(k, within: n),
                expectation.expectedQueriesToTop(k), expectation.medianQueriesToTop(k), expectation.probabilityBestSignalReaches(threshold, after: n))
            )
          }
          print("")
        }
      }
    }
  }

  struct ImportNASBench101: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-nb101",
      abstract: "Build the full NAS-Bench-101 table (task nb101) from the official release file nasbench_only108.tfrecord.",
      discussion: """
        Reads every record (checking both TFRecord CRCs, the JSON, the metrics and each cell
        against the pool), averages the 3 runs of each module hash and writes
        nasbench101/nb101_full_108_mean3.csv.gz and its SHA-256 in
        nasbench101/IMPORTED.SHA256SUMS (SHA256SUMS is not touched). Example:
          nasarena data import-nb101 ~/Downloads/nasbench_only108.tfrecord
        """)

    @Argument(help: "The release file (nasbench_only108.tfrecord).")
    var file: String

    @Option(help: "The data folder to write into (default: the one nasarena finds, see README).")
    var data: String?

    func run() async throws {
      try await reportingErrors {
        let directory = try data.map { try DataDirectory(path: $0) } ?? DataDirectory.locate()
        let summary = try NASBench101Importer.importRelease(at: file, into: directory)
        print(
          String(
            format: "read %d records (%.1f MB) of %@ in %.1f s: %d cells x %d runs", summary.records, Double(summary.bytesRead) / 1_048_576,
            file, summary.seconds, summary.cells, summary.runsPerCell))
        if summary.cells < summary.poolSize {
          print(
            "partial: \(summary.cells) of \(summary.poolSize) cells; task nb101 will carry a caveat and cannot be compared with full-table results")
        }
        print("wrote \(summary.table)\n  and its SHA-256 \(summary.tableSHA256) in \(summary.checksumFile)")
      }
    }
  }

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract:
        "Check every data file against data/SHA256SUMS (and imported tables against their IMPORTED.SHA256SUMS) and list each with its status.",
      discussion: "Example:\n  nasarena data verify")

    func run() async throws {
      let (bad, total) = try await reportingErrors { () async throws -> (Int, Int) in
        let data = try CatalogTaskSource().catalog.data
        let files = try data.expectedChecksums().keys.sorted()
        var bad = 0
        for file in files {
          do {
            _ = try data.verifiedChecksum(of: file)
            print("ok        \(file)")
          } catch let error as BenchmarkError {
            bad += 1
            print("\(Self.status(of: error).padding(toLength: 9, withPad: " ", startingAt: 0)) \(file): \(error)")
          }
        }
        return (bad, files.count)
      }
      print(bad == 0 ? "all \(total) data files ok" : "\(bad) of \(total) data files bad")
      if bad > 0 { throw ExitStatus.badData }
    }

    private static func status(of error: BenchmarkError) -> String {
      switch error {
      case .missingFile: "MISSING"
      case .checksumMismatch: "MISMATCH"
      default: "BAD"
      }
    }
  }
}
