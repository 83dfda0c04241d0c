import Analysis
import ArgumentParser
import Foundation
import Harness
import Reports
import Results
import SearchMethods
import Tensor

/// `nasarena run`: run a suite (or resume one) and write its run folder.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a suite and write a run folder with the log, tables, summary and HTML report.",
    discussion: """
      Examples:
        nasarena run configs/quickstart.yaml
        nasarena run configs/nb201.yaml --output results/nb201-a --workers 2
        nasarena run configs/nb201.yaml --shard 0/4 --output results/s0
        nasarena run --resume results/nb201-a
        nasarena run configs/long.yaml --trials-first --workers 2

      Every batch is written to the log (queries.jsonl) before the method
      goes on, and fsync'd by group commit; a run killed at any moment
      resumes with --resume without losing or repeating a query.
      """)

  @Argument(help: "The suite YAML file (omit with --resume).")
  var suite: String?

  @Option(help: "Run folder to write (default: results/<suite name>-<UTC time>).")
  var output: String?

  @Option(help: "Resume the interrupted run in this folder.")
  var resume: String?

  @Option(parsing: .unconditional, help: "Trials at once (default: the suite's 'workers', 0 = one per core).")
  var workers: Int?

  @Option(parsing: .unconditional, help: "Run only shard i of N of the (task, method, trial) cells, e.g. 0/4; join shards with 'nasarena merge'.")
  var shard: String?

  @Flag(help: "Run trial by trial (all tasks and methods of trial 0, then trial 1, ...), so a run stopped early holds paired trials of every method.")
  var trialsFirst = false

  @Option(
    help: """
      Lend idle workers' cores to the matrix products of the trials still running once no trial \
      is left to start (on|off; results are bit-identical either way).
      """)
  var tailCores: Switch = .on

  @Flag(help: "Print no progress.")
  var quiet = false

  @OptionGroup var cacheOption: CacheOption

  @Flag(help: "Write only the log, not the tables and report (run 'nasarena report' later).")
  var noReport = false

  func validate() throws {
    if (suite == nil) == (resume == nil) { throw ValidationError("Give either a suite file or --resume <run folder>, not both.") }
    if resume != nil && (output != nil || shard != nil) {
      throw ValidationError("--resume continues a folder as it was started; --output and --shard do not apply.")
    }
    if let workers, workers < 0 { throw ValidationError("--workers must be 0 or more, got \(workers).") }
  }

  func run() async throws {
    let summary = try await reportingErrors { () async throws -> RunSummary in
      let source = try CatalogTaskSource()
      let loader = SuiteLoader(methods: MethodCatalog.methods, taskNames: source.taskNames)
      let progress = ProgressPrinter(enabled: !quiet)
      var options = RunOptions(
        workers: workers, shard: try shard.map(Shard.init(parsing:)), progress: progress.update, cache: cacheOption.cache,
        log: CacheOption.logger(quiet: quiet))
      options.trialsFirst = trialsFirst
      options.tailCores = tailCores == .on
      let summary: RunSummary
      let lock: RunFolderLock
      if let resume {
        lock = try SuiteRunner.lockForResume(RunFolder(path: resume))
        guard FileManager.default.fileExists(atPath: lock.folder.suiteFile) else {
          throw RunError.notARun(path: resume, missing: "suite.yaml")
        }
        let resumed = try loader.load(path: lock.folder.suiteFile, preflight: NumericBackendChoice.preflight(source))
        let (backend, description) = try NumericBackendChoice.select(resumed.matmul)
        options.numericBackend = description
        summary = try await Backends.$current.withValue(backend) {
          try await SuiteRunner.resume(lock: lock, loader: loader, source: source, options: options)
        }
      } else if let suitePath = suite {
        let suite = try loader.load(path: suitePath, preflight: NumericBackendChoice.preflight(source))
        let (backend, description) = try NumericBackendChoice.select(suite.matmul)
        options.numericBackend = description
        lock = try RunFolderLock.acquire(
          RunFolder(path: output ?? "results/\(suite.name)-\(Self.timestamp())"), command: "nasarena run", creating: true)
        summary = try await Backends.$current.withValue(backend) {
          try await SuiteRunner.start(suite, source: source, lock: lock, options: options)
        }
      } else {
        throw ValidationError("Give a suite file or --resume <run folder>.")
      }
      progress.finish()
      if !noReport && options.shard == nil {
        let (written, analysis) = try ReportPipeline.writeAnalysed(lock: lock)
        if !quiet { print(HeadlineText.text(analysis), terminator: "") }
        print("wrote \(written.count) files to \(summary.folder)")
      }
      return summary
    }
    print(
      String(
        format: "%d trials (%d already done), %d queries in %.1f s; run folder: %@",
        summary.trialsRun, summary.trialsSkipped, summary.queries, summary.seconds, summary.folder))
    if !summary.failures.isEmpty {
      FileHandle.standardError.write(Data("nasarena: \(summary.failures.count) trials failed:\n".utf8))
      for failure in summary.failures.prefix(20) { FileHandle.standardError.write(Data("  \(failure)\n".utf8)) }
      throw ExitStatus.trialsFailed
    }
  }

  /// A setting that is on or off.
  enum Switch: String, ExpressibleByArgument, CaseIterable {
    case on, off
  }

  static func timestamp() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: Date())
  }
}
