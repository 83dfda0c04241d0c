import Checksums
import Foundation
import Results
import Testing

/// Log lines carry checksums and readers refuse logs that are not whole, consistent trials.
@Suite struct RunLogIntegrityTests {
  static func query(_ trial: Int, _ query: Int, cost: Double = 1.5, cumulativeCost: Double? = nil) -> LogEntry {
    .query(
      QueryRecord(
        task: "t", method: "m", trial: trial, query: query, poolIndex: query * 7, key: "k\(query)", signal: Double(query) / 3,
        report: 90, cost: cost, cumulativeCost: cumulativeCost ?? 1.5 * Double(query), batch: query / 2, methodSeconds: 0.25,
        initial: query == 1))
  }

  static func trial(_ trial: Int, queries: Int, cost: Double? = nil) -> LogEntry {
    .trial(
      TrialRecord(
        task: "t", method: "m", trial: trial, seed: 99, status: .completed, message: nil, queries: queries,
        cost: cost ?? 1.5 * Double(queries), proposals: queries, refused: 0, repeats: 0, repeatsInBatch: 0, batches: 2,
        methodSeconds: 0.5))
  }

  /// Writes `entries` as a log with checksums and returns its path.
  static func log(_ entries: [LogEntry]) throws -> String {
    let path = NSTemporaryDirectory() + "runlog-integrity-\(UUID().uuidString).jsonl"
    try LogFileWriter(path: path).write(entries)
    return path
  }

  static func readError(_ path: String, budget: BudgetLimit? = nil) -> String? {
    do {
      _ = try RunLog.read(path: path, budget: budget)
      return nil
    } catch {
      return "\(error)"
    }
  }

  // MARK: - Checksums

  @Test func everyLineEndsWithTheChecksumOfTheRestAndStaysPlainJSON() throws {
    let encoder = RunLog.makeEncoder()
    let entry = Self.query(0, 1)
    let line = try RunLog.line(for: entry, encoder: encoder)
    let content = Array(try encoder.encode(entry))
    let crc = String(CRC32C.checksum(content), radix: 16)
    let expected = content.dropLast() + Array(",\"crc\":\"\(String(repeating: "0", count: 8 - crc.count) + crc)\"}\n".utf8)
    #expect(line == Array(expected))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    #expect(object["crc"] as? String != nil && object["kind"] as? String == "query")
  }

  @Test func aChangedValueIsDetected() throws {
    let path = try Self.log([Self.query(0, 1), Self.query(0, 2), Self.trial(0, queries: 2)])
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"signal\":0.6666666666666666", with: "\"signal\":0.7666666666666666")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(Self.readError(path)?.hasPrefix("\(path):2: not a valid log record: checksum mismatch: the line's content has CRC-32C ") == true)
  }

  @Test func aLineWithoutChecksumIsRefused() throws {
    let path = try Self.log([Self.query(0, 1)])
    let unchecked = String(decoding: try RunLog.makeEncoder().encode(Self.query(0, 2)), as: UTF8.self)
    try (String(contentsOfFile: path, encoding: .utf8) + unchecked + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      Self.readError(path)
        == "\(path):2: not a valid log record: no checksum field 'crc' at the end of the line; every line ends with ,\"crc\":\"<8 hex digits>\"}")
  }

  @Test func aTornLastLineIsStillIgnored() throws {
    let path = try Self.log([Self.query(0, 1), Self.query(0, 2)])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try (text + text.prefix(40)).write(toFile: path, atomically: true, encoding: .utf8)
    #expect(try RunLog.read(path: path).count == 2)
  }

  // MARK: - Whole trials

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let entries: [LogEntry]
    let budget: BudgetLimit?
    let message: String
    var testDescription: String { name }
  }

  static let cases = [
    Case(
      name: "a query repeated after its trial's end", entries: [query(0, 1), query(0, 2), trial(0, queries: 2), query(0, 2)],
      budget: nil, message: "4: inconsistent log: trial t/m/0 continues after its closing 'trial' line 3; a trial ends with exactly one 'trial' line"),
    Case(
      name: "a second closing line", entries: [query(0, 1), trial(0, queries: 1), trial(0, queries: 1)],
      budget: nil, message: "3: inconsistent log: trial t/m/0 continues after its closing 'trial' line 2; a trial ends with exactly one 'trial' line"),
    Case(
      name: "a repeated query", entries: [query(0, 1), query(0, 2), query(0, 2)],
      budget: nil, message: "3: inconsistent log: trial t/m/0: query number 2 after 2 (a repeat); expected 3"),
    Case(
      name: "a gap", entries: [query(1, 1), query(0, 1), query(1, 3)],
      budget: nil, message: "3: inconsistent log: trial t/m/1: query number 3 after 1 (a gap); expected 2"),
    Case(
      name: "a query over the budget", entries: [query(0, 1), query(0, 2), query(0, 3)],
      budget: .queries(2), message: "3: inconsistent log: trial t/m/0: query 3 exceeds the budget of 2 queries"),
    Case(
      name: "a cost over the time budget", entries: [query(0, 1), query(0, 2)],
      budget: .seconds(2), message: "2: inconsistent log: trial t/m/0: query 2 brings the cost to 3.0, over the budget of 2.0 simulated seconds"),
    Case(
      name: "a cost sum that does not add up", entries: [query(0, 1), query(0, 2, cumulativeCost: 3.5)],
      budget: nil, message: "2: inconsistent log: trial t/m/0: query 2 has cumulativeCost 3.5; expected 3.0 (the previous cumulativeCost plus cost)"),
    Case(
      name: "a closing line with another query count", entries: [query(0, 1), query(0, 2), trial(0, queries: 3)],
      budget: nil, message: "3: inconsistent log: trial t/m/0: the closing line counts 3 queries but the log holds 2"),
    Case(
      name: "a closing line with another cost", entries: [query(0, 1), trial(0, queries: 1, cost: 9)],
      budget: nil, message: "2: inconsistent log: trial t/m/0: the closing line's cost 9.0 differs from the last cumulativeCost 1.5"),
  ]

  @Test(arguments: cases) func inconsistentTrialsAreRefusedAtTheirLine(testCase: Case) throws {
    let path = try Self.log(testCase.entries)
    #expect(Self.readError(path, budget: testCase.budget) == "\(path):\(testCase.message)")
  }

  @Test func interleavedWholeTrialsWithinTheBudgetAreAccepted() throws {
    let entries = [Self.query(0, 1), Self.query(1, 1), Self.query(0, 2), Self.trial(1, queries: 1), Self.trial(0, queries: 2)]
    let path = try Self.log(entries)
    #expect(try RunLog.read(path: path, budget: .queries(2)).map(RunLog.deterministicLine) == entries.map(RunLog.deterministicLine))
  }
}
