import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The append-only JSON Lines log of a run (`queries.jsonl`).
///
/// Every line ends with its checksum field (see `RunLog.line(for:encoder:)`). Each `append`
/// writes whole lines with one `write` call before it returns, so a process
/// killed at any moment (even `kill -9`) leaves every appended batch in the file and at most one
/// torn last line, which `RunLog.read` ignores and `RunLog.repairTail` removes before a resumed
/// run appends again. Every batch is then fsync'd by a group-commit thread within one fsync
/// cycle (see `GroupCommitFlusher`), and `finish()` waits until all of it is on disk; lines lost
/// to a machine crash in that window are recomputed on resume, since trials are deterministic.
public actor RunLogWriter {
  private let path: String
  private let descriptor: Int32
  private let encoder: JSONEncoder
  private let flusher: GroupCommitFlusher

  /// Opens (creating if needed) the log at `path` for appending.
  ///
  /// - Throws: `ResultStoreError.cannotOpen` when the file cannot be opened.
  public init(path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard descriptor >= 0 else { throw ResultStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
    self.path = path
    self.descriptor = descriptor
    self.encoder = RunLog.makeEncoder()
    self.flusher = GroupCommitFlusher(descriptor: descriptor)
  }

  deinit {
    _ = flusher.stop()
    close(descriptor)
  }

  /// Waits until every appended line is on disk.
  ///
  /// - Throws: `ResultStoreError.writeFailed` when an fsync failed.
  public func finish() throws {
    if let failure = flusher.waitUntilDurable() { throw ResultStoreError.writeFailed(path: path, reason: failure) }
  }

  /// Appends entries as lines (written before this returns; fsync'd by group commit).
  ///
  /// - Throws: `ResultStoreError.writeFailed` when the write or fsync fails.
  public func append(_ entries: [LogEntry]) throws {
    guard !entries.isEmpty else { return }
    var bytes: [UInt8] = []
    for entry in entries { bytes += try RunLog.line(for: entry, encoder: encoder) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        // swift-format-ignore: NeverForceUnwrap
        // The buffer is not empty here, so it has a base address.
        write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw ResultStoreError.writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
    flusher.request()
  }
}

/// Reading and repairing run logs.
public enum RunLog {
  /// The JSON encoder used for every line: sorted keys, so equal records give equal lines.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  /// The JSON decoder matching `makeEncoder()`.
  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }

  /// Truncates a torn last line (bytes after the last newline) left by a killed run.
  ///
  /// - Returns: the number of bytes removed.
  @discardableResult
  public static func repairTail(path: String) throws -> Int {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return 0 }
    let keep = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
    let removed = data.count - keep
    guard removed > 0 else { return 0 }
    guard truncate(path, off_t(keep)) == 0 else {
      throw ResultStoreError.writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    return removed
  }
}

extension RunLog {
  /// The log in canonical order: cells sorted, each cell's lines in the order written.
  ///
  /// Lines of different trials interleave differently at different parallelism; this order
  /// (and `LogEntry.deterministic`) is what makes two runs' logs comparable line by line.
  public static func canonical(_ entries: [LogEntry]) -> [LogEntry] {
    let grouped = Dictionary(grouping: entries, by: \.cell)
    return grouped.keys.sorted().flatMap { grouped[$0] ?? [] }
  }

  /// The line an entry is written as, wall-clock fields zeroed: what two runs must share.
  ///
  /// Compare these rather than records: a NaN report (an unlabelled recommendation) is not
  /// equal to itself as a `Double`, but its line is.
  public static func deterministicLine(_ entry: LogEntry) throws -> String {
    String(decoding: try makeEncoder().encode(entry.deterministic), as: UTF8.self)
  }

  /// `deterministicLine` of each entry, in order, through one encoder (`deterministicLine`
  /// builds one per call), for comparing whole logs.
  ///
  /// - Complexity: O(total size of the entries).
  public static func deterministicLines(_ entries: [LogEntry]) throws -> [String] {
    let encoder = makeEncoder()
    return try entries.map { String(decoding: try encoder.encode($0.deterministic), as: UTF8.self) }
  }
}

/// Writes a whole log at once (for merged runs), each line with its checksum, atomically.
public struct LogFileWriter {
  private let path: String

  /// A writer for a new log at `path`.
  public init(path: String) throws {
    self.path = path
  }

  /// Writes `entries` as the file's whole content.
  public func write(_ entries: [LogEntry]) throws {
    let encoder = RunLog.makeEncoder()
    var data = Data()
    for entry in entries { data.append(contentsOf: try RunLog.line(for: entry, encoder: encoder)) }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ResultStoreError.writeFailed(path: path, reason: "\(error)")
    }
  }
}
