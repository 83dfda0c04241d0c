import Foundation

/// The files of one run folder under `results/`, and reading them back.
///
/// | file | holds |
/// |---|---|
/// | `suite.yaml` | the resolved suite (every default filled in) |
/// | `manifest.json` | `RunManifest` |
/// | `tasks.json` | `[TaskRecord]` |
/// | `queries.jsonl` | the append-only log of `LogEntry` lines |
/// | `*.csv`, `summary.md`, `report.html` | derived outputs, rewritten by `nasarena report` |
public struct RunFolder: Sendable {
  /// The folder's path.
  public let path: String

  /// A run folder at `path` (not created until something is written).
  public init(path: String) {
    self.path = path
  }

  /// Path of a file inside the folder.
  public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  /// The resolved suite.
  public var suiteFile: String { file("suite.yaml") }
  /// The manifest.
  public var manifestFile: String { file("manifest.json") }
  /// The task records.
  public var tasksFile: String { file("tasks.json") }
  /// The query log.
  public var logFile: String { file("queries.jsonl") }

  /// Creates the folder (and parents) if needed; a folder created meanwhile by another
  /// process is fine.
  public func create() throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
      throw ResultStoreError.cannotOpen(path: path, reason: error.localizedDescription)
    }
  }

  /// Writes a value as pretty, key-sorted JSON, atomically.
  public func writeJSON(_ value: some Encodable, to file: String) throws {
    let encoder = RunLog.makeEncoder()
    encoder.outputFormatting.insert(.prettyPrinted)
    do {
      try (try encoder.encode(value) + Data("\n".utf8)).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      throw ResultStoreError.writeFailed(path: file, reason: "\(error)")
    }
  }

  /// Writes text atomically.
  public func writeText(_ text: String, to file: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      throw ResultStoreError.writeFailed(path: file, reason: "\(error)")
    }
  }

  /// Reads a JSON file of the folder.
  public func readJSON<T: Decodable>(_ type: T.Type, from file: String, expected: String) throws -> T {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ResultStoreError.missingFile(path: file, expected: expected)
    }
    do {
      return try RunLog.makeDecoder().decode(T.self, from: data)
    } catch {
      throw ResultStoreError.malformedFile(path: file, reason: "\(error)")
    }
  }

  /// The manifest.
  public func readManifest() throws -> RunManifest {
    try readJSON(RunManifest.self, from: manifestFile, expected: "the run manifest written at the start of a run")
  }

  /// Everything the folder records, for analysis; the log is verified as it is read.
  ///
  /// - Throws: `ResultStoreError.missingFile` when the manifest, the task records or the log
  ///   is missing; `ResultStoreError.emptyLog` when the log holds no line; the errors of
  ///   `RunLog.read` for a line that is corrupt or does not continue its trial.
  public func readRecords() throws -> RunRecords {
    try readRecords(workers: ProcessInfo.processInfo.activeProcessorCount)
  }

  /// `readRecords()` with the parallel reading's settings (see `RunLog.scan`).
  func readRecords(
    workers: Int, blockBytes: Int = RunLog.readingBlockBytes, threshold: Int = RunLog.parallelReadingBytes
  ) throws -> RunRecords {
    let manifest = try readManifest()
    let tasks = try readJSON([TaskRecord].self, from: tasksFile, expected: "the task records written at the start of a run")
    guard FileManager.default.fileExists(atPath: logFile) else {
      throw ResultStoreError.missingFile(path: logFile, expected: "the run's query log; derived files are computed from it and are left as they are")
    }
    var scanner = LogScanner(path: logFile, budget: manifest.budget)
    var lines = 0
    var recommendations: [RecommendationRecord] = []
    var trials: [TrialRecord] = []
    var generations: [GenerationRecord] = []
    try RunLog.scan(path: logFile, scanner: &scanner, workers: workers, blockBytes: blockBytes, threshold: threshold) {
      scanner, line in
      lines += 1
      switch line {
      case .query(let fields, let cell): scanner.builder.append(fields, cell: cell)
      case .entry(.recommendation(let record)): recommendations.append(record)
      case .entry(.generation(let record)): generations.append(record)
      case .entry(.trial(let record)): trials.append(record)
      case .entry(.query(let record)): preconditionFailure("the scanner returns query \(record.cell) as fields")
      }
    }
    guard lines > 0 else { throw ResultStoreError.emptyLog(path: logFile) }
    return RunRecords(
      manifest: manifest, tasks: tasks, methods: manifest.methods, queries: scanner.builder.table(),
      recommendations: recommendations, trials: trials, generations: generations)
  }
}
