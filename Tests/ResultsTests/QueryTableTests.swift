import Testing

@testable import Results

/// A query table holds the same records as the array it was built from, in canonical order.
@Suite struct QueryTableTests {
  static func record(_ task: String, _ method: String, _ trial: Int, _ query: Int, key: String = "k") -> QueryRecord {
    QueryRecord(
      task: task, method: method, trial: trial, query: query, poolIndex: query * 3, key: "\(key)\(query % 4)",
      signal: Double(query) / 7, report: 90 - Double(trial), cost: 1.5, cumulativeCost: 1.5 * Double(query), batch: query / 2,
      methodSeconds: 0.25, initial: query == 1)
  }

  @Test func interleavedRecordsAreSortedByCellThenQuery() {
    let records = [
      Self.record("t2", "m", 0, 1), Self.record("t1", "m", 1, 1), Self.record("t1", "m", 0, 1), Self.record("t1", "m", 1, 2),
      Self.record("t1", "a", 0, 1), Self.record("t2", "m", 0, 2), Self.record("t1", "m", 0, 2), Self.record("t1", "a", 0, 2),
    ]
    let table = QueryTable(records)
    let expected = records.sorted { ($0.cell, $0.query) < ($1.cell, $1.query) }
    #expect(Array(table) == expected)
    #expect(
      table.cells == [
        TrialCell(task: "t1", method: "a", trial: 0), TrialCell(task: "t1", method: "m", trial: 0),
        TrialCell(task: "t1", method: "m", trial: 1), TrialCell(task: "t2", method: "m", trial: 0),
      ])
    #expect(table.cells.indices.map { table.rows(ofCell: $0) } == [0..<2, 2..<4, 4..<6, 6..<8])
    #expect(table.signals == expected.map(\.signal) && table.cumulativeCosts == expected.map(\.cumulativeCost))
  }

  @Test func queriesOutOfOrderWithinACellAreSortedToo() {
    let records = [Self.record("t", "m", 0, 3), Self.record("t", "m", 0, 1), Self.record("t", "m", 0, 2)]
    #expect(Array(QueryTable(records)).map(\.query) == [1, 2, 3])
  }

  @Test func recordsInOrderKeepTheirOrderAndStrings() {
    let records = (1...50).map { Self.record("nb201-imagenet16-120", "regularized-evolution", 0, $0, key: "|nor_conv_3x3~0|") }
    let table = QueryTable(records)
    #expect(Array(table) == records)
    #expect(QueryTable().isEmpty && QueryTable().cells.isEmpty)
  }

  @Test func thePoolStoresEachStringOnce() {
    var pool = StringPool()
    let words = (0..<500).map { "word-\($0 % 137)-" + String(repeating: "x", count: $0 % 40) }
    let ids = words.map { pool.id(of: $0) }
    #expect(pool.strings.count == Set(words).count)
    #expect(zip(words, ids).allSatisfy { pool[$1] == $0 })
    #expect(pool.id(of: "") == pool.id(of: ""))
  }
}
