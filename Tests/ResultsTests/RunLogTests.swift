import Foundation
import Results
import Testing

@Suite struct RunLogTests {
  static func query(_ trial: Int, _ query: Int, method: String = "m") -> LogEntry {
    .query(
      QueryRecord(
        task: "t", method: method, trial: trial, query: query, poolIndex: query * 7, key: "k\(query)", signal: Double(query) / 3,
        report: .nan, cost: 1.5, cumulativeCost: 1.5 * Double(query), batch: query / 2, methodSeconds: 0.25, initial: query == 1))
  }

  static func path() -> String { NSTemporaryDirectory() + "runlog-\(UUID().uuidString).jsonl" }

  @Test func linesRoundTripIncludingNaNAndKinds() async throws {
    let path = Self.path()
    let writer = try RunLogWriter(path: path)
    let trial = TrialRecord(
      task: "t", method: "m", trial: 0, seed: 99, status: .completed, message: nil, queries: 2, cost: 3, proposals: 3,
      refused: 1, repeats: 0, repeatsInBatch: 0, batches: 2, methodSeconds: 0.5)
    let recommendation = RecommendationRecord(task: "t", method: "m", trial: 0, afterQuery: 2, poolIndex: 5, key: "k", report: 91.5)
    let entries = [Self.query(0, 1), Self.query(0, 2), .recommendation(recommendation), .trial(trial)]
    try await writer.append(entries)
    try await writer.finish()
    let read = try RunLog.read(path: path)
    #expect(read.count == 4)
    #expect(read[2] == entries[2] && read[3] == entries[3])
    guard case .query(let record) = read[0] else {
      Issue.record("first line is not a query")
      return
    }
    #expect(record.report.isNaN && record.signal == 1.0 / 3 && record.initial)
  }

  @Test func tornLastLineIsIgnoredAndRepaired() async throws {
    let path = Self.path()
    let writer = try RunLogWriter(path: path)
    try await writer.append([Self.query(0, 1), Self.query(0, 2)])
    try await writer.finish()
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("{\"kind\":\"query\",\"task\":\"t".utf8))
    handle.closeFile()
    #expect(try RunLog.read(path: path).count == 2)
    #expect(try RunLog.repairTail(path: path) == 25)
    #expect(try RunLog.repairTail(path: path) == 0)
    let again = try RunLogWriter(path: path)
    try await again.append([Self.query(0, 3)])
    try await again.finish()
    #expect(try RunLog.read(path: path).count == 3)
  }

  @Test func malformedCompleteLineNamesFileAndLine() throws {
    let path = Self.path()
    try "{\"kind\":\"query\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect {
      try RunLog.read(path: path)
    } throws: { error in
      "\(error)".hasPrefix("\(path):1: not a valid log record")
    }
  }

  @Test func canonicalOrderSortsCellsAndKeepsLineOrderWithinACell() throws {
    let lines = [Self.query(1, 1), Self.query(0, 1, method: "z"), Self.query(0, 1), Self.query(1, 2), Self.query(0, 2)]
    let canonical = RunLog.canonical(lines)
    let expected = [Self.query(0, 1), Self.query(0, 2), Self.query(1, 1), Self.query(1, 2), Self.query(0, 1, method: "z")]
    #expect(try canonical.map(RunLog.deterministicLine) == expected.map(RunLog.deterministicLine))
  }

  @Test func deterministicLinesIgnoreWallClockAndTreatNaNAsEqual() throws {
    var slower = Self.query(0, 1)
    if case .query(var record) = slower {
      record.methodSeconds = 9
      slower = .query(record)
    }
    #expect(try RunLog.deterministicLine(slower) == RunLog.deterministicLine(Self.query(0, 1)))
    #expect(try RunLog.deterministicLine(Self.query(0, 1)).contains("\"report\":\"nan\""))
  }
}
