import Foundation
import Testing

@testable import Results

/// Reading a log on worker threads gives what the sequential reader gives: the same entries,
/// the same table and string numbers, the same first error at the same line.
@Suite struct ParallelLogReadingTests {
  /// Block sizes that put split points inside lines, at line ends and across several lines.
  static let blockSizes = [1, 97, 300, 4096]

  /// Lines of 2 tasks x 2 methods x 3 trials of 12 queries, round-robin over the cells as
  /// parallel trials write them, each trial closed by its `trial` line.
  static func entries() -> [LogEntry] {
    let cells = ["t1", "nb201-imagenet16-120"].flatMap { task in
      ["m", "regularized-evolution"].flatMap { method in (0..<3).map { (task, method, $0) } }
    }
    var cumulative = [Double](repeating: 0, count: cells.count)
    var entries: [LogEntry] = []
    for query in 1...12 {
      for (index, (task, method, trial)) in cells.enumerated() {
        let cost = [2817.2999999999997, 1.4022e-05, 3, 0.1][(query + index) % 4]
        cumulative[index] += cost
        entries.append(
          .query(
            QueryRecord(
              task: task, method: method, trial: trial, query: query, poolIndex: (query * 7 + index) % 9,
              key: "|k\((query * 7 + index) % 9)~\(task)|", signal: Double(query) / 3, report: 90 - Double(index),
              cost: cost, cumulativeCost: cumulative[index], batch: query / 2, methodSeconds: 1.6234e-05,
              initial: query == 1)))
      }
    }
    for (index, (task, method, trial)) in cells.enumerated() {
      entries.append(
        .trial(
          TrialRecord(
            task: task, method: method, trial: trial, seed: 5, status: .completed, message: nil, queries: 12,
            cost: cumulative[index], proposals: 12, refused: 0, repeats: 0, repeatsInBatch: 0, batches: 6,
            methodSeconds: 0.5)))
    }
    return entries
  }

  /// The log's text, one line per entry.
  static func lines(_ entries: [LogEntry]) throws -> [String] {
    let encoder = RunLog.makeEncoder()
    return try entries.map { String(decoding: try RunLog.line(for: $0, encoder: encoder).dropLast(), as: UTF8.self) }
  }

  static func write(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "parallel-log-\(UUID().uuidString).jsonl"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// What a reader gives for the log at `path`: its table's records, cells and strings, and
  /// its other lines; or its error.
  static func read(_ path: String, workers: Int, blockBytes: Int = 4096, threshold: Int = 0) -> String {
    var scanner = LogScanner(path: path, budget: nil)
    var others: [LogEntry] = []
    do {
      try RunLog.scan(path: path, scanner: &scanner, workers: workers, blockBytes: blockBytes, threshold: threshold) {
        scanner, line in
        switch line {
        case .query(let fields, let cell): scanner.builder.append(fields, cell: cell)
        case .entry(let entry): others.append(entry)
        }
      }
    } catch {
      return "error: \(error)"
    }
    let strings = scanner.builder.pool.strings
    let table = scanner.builder.table()
    return "\(Array(table))\n\(table.cells)\n\(strings)\n\(others)"
  }

  @Test func workersReadWhatTheSequentialReaderReads() throws {
    let path = try Self.write(try Self.lines(Self.entries()).joined(separator: "\n") + "\n")
    let sequential = Self.read(path, workers: 1)
    #expect(!sequential.hasPrefix("error"))
    for blockBytes in Self.blockSizes {
      #expect(Self.read(path, workers: 3, blockBytes: blockBytes) == sequential, "blocks of \(blockBytes) bytes")
    }
    let entries = try RunLog.read(path: path, budget: nil, workers: 1)
    #expect(entries == Self.entries())
    #expect(try RunLog.read(path: path, budget: nil, workers: 2, blockBytes: 300, threshold: 0) == entries)
  }

  @Test func emptyLinesCountAsLinesAndATornLastLineIsIgnored() throws {
    var lines = try Self.lines(Self.entries())
    lines.insert("", at: 30)
    let path = try Self.write(lines.joined(separator: "\n") + "\n" + lines[5].prefix(60))
    let sequential = Self.read(path, workers: 1)
    #expect(try RunLog.read(path: path, budget: nil, workers: 1) == Self.entries())
    for blockBytes in Self.blockSizes {
      #expect(Self.read(path, workers: 2, blockBytes: blockBytes) == sequential, "blocks of \(blockBytes) bytes")
    }
  }

  @Test func aBadChecksumInALaterBlockIsReportedAtItsLine() throws {
    var lines = try Self.lines(Self.entries())
    lines[100] = lines[100].replacingOccurrences(of: "\"report\":", with: "\"report\":1")
    let path = try Self.write(lines.joined(separator: "\n") + "\n")
    let sequential = Self.read(path, workers: 1)
    #expect(sequential.hasPrefix("error: \(path):101: not a valid log record: checksum mismatch"))
    for blockBytes in Self.blockSizes {
      #expect(Self.read(path, workers: 2, blockBytes: blockBytes) == sequential, "blocks of \(blockBytes) bytes")
    }
  }

  @Test func aGapInALaterBlockIsReportedAtItsLine() throws {
    var lines = try Self.lines(Self.entries())
    lines.remove(at: 110)  // query 10 of cell 2, so its query 11 (line 122 now) is a gap
    let path = try Self.write(lines.joined(separator: "\n") + "\n")
    let sequential = Self.read(path, workers: 1)
    #expect(sequential.hasPrefix("error: \(path):122: inconsistent log: trial t1/m/2: query number 11 after 9 (a gap)"))
    for blockBytes in Self.blockSizes {
      #expect(Self.read(path, workers: 2, blockBytes: blockBytes) == sequential, "blocks of \(blockBytes) bytes")
    }
  }

  @Test func aFileBelowTheThresholdIsReadAsBefore() throws {
    let path = try Self.write(try Self.lines(Self.entries()).joined(separator: "\n") + "\n")
    #expect(Self.read(path, workers: 2, threshold: RunLog.parallelReadingBytes) == Self.read(path, workers: 1))
    #expect(try RunLog.read(path: path) == Self.entries())
    #expect(Self.read(NSTemporaryDirectory() + "no-such-log-\(UUID().uuidString)", workers: 2) == Self.read("/nonexistent/log", workers: 1))
  }
}
