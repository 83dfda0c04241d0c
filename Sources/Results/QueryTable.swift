/// Every counted query of a run, stored column by column, in canonical order: by cell
/// (task, method, trial), then by query number.
///
/// A collection of `QueryRecord`s, each built on access from its row. A large run holds a
/// million queries or more; as records, each would carry three `String`s (a heap object for
/// every key and long task name), while here a row is a few numbers and the strings are stored
/// once each (see `StringPool`). Analysis reads whole trials at a time through `cells`,
/// `rows(ofCell:)` and the numeric columns, without building records at all.
public struct QueryTable: RandomAccessCollection, Sendable {
  /// The distinct cells with at least one query, in canonical order.
  public private(set) var cells: [TrialCell]
  /// Where each cell's rows start (one more entry than `cells`; the last is `count`).
  private var cellStarts: [Int]
  /// The task names, method labels and keys the rows refer to.
  private var pool: StringPool
  /// The rows.
  private var columns: QueryColumns

  /// A table of no queries.
  public init() {
    self.init(cells: [], cellStarts: [0], pool: StringPool(), columns: QueryColumns())
  }

  /// The table of `records`, sorted into canonical order (records of one cell and query
  /// number keep their given order).
  ///
  /// - Complexity: O(n) for n records already grouped in query order by cell, as a log's
  ///   are; O(n log n) otherwise.
  public init(_ records: some Sequence<QueryRecord>) {
    var builder = QueryTableBuilder()
    for record in records {
      let task = builder.pool.id(of: record.task)
      let method = builder.pool.id(of: record.method)
      let cell = builder.cell(task: task, method: method, trial: record.trial)
      builder.append(
        QueryFields(
          task: task, method: method, trial: record.trial, query: record.query, poolIndex: record.poolIndex,
          key: builder.pool.id(of: record.key), signal: record.signal, report: record.report, cost: record.cost,
          cumulativeCost: record.cumulativeCost, batch: record.batch, methodSeconds: record.methodSeconds,
          initial: record.initial),
        cell: cell)
    }
    self = builder.table()
  }

  init(cells: [TrialCell], cellStarts: [Int], pool: StringPool, columns: QueryColumns) {
    self.cells = cells
    self.cellStarts = cellStarts
    self.pool = pool
    self.columns = columns
  }

  /// The rows of `cells[index]`, consecutive query numbers in increasing order for a log's
  /// trial.
  public func rows(ofCell index: Int) -> Range<Int> { cellStarts[index]..<cellStarts[index + 1] }

  /// `QueryRecord.signal` of every row.
  public var signals: [Double] { columns.signal }
  /// `QueryRecord.report` of every row.
  public var reports: [Double] { columns.report }
  /// `QueryRecord.cumulativeCost` of every row.
  public var cumulativeCosts: [Double] { columns.cumulativeCost }
}

// MARK: - Collection

extension QueryTable {
  /// 0.
  public var startIndex: Int { 0 }
  /// The number of queries.
  public var endIndex: Int { columns.count }

  /// The record of row `position`.
  public subscript(position: Int) -> QueryRecord {
    let cell = cells[Int(columns.cell[position])]
    return QueryRecord(
      task: cell.task, method: cell.method, trial: cell.trial, query: columns.query[position],
      poolIndex: columns.poolIndex[position], key: pool[columns.key[position]], signal: columns.signal[position],
      report: columns.report[position], cost: columns.cost[position], cumulativeCost: columns.cumulativeCost[position],
      batch: columns.batch[position], methodSeconds: columns.methodSeconds[position], initial: columns.initial[position])
  }
}

// MARK: - Rows

/// One query's fields, with its strings as ids in a `StringPool`.
struct QueryFields {
  var task: Int32
  var method: Int32
  var trial: Int
  var query: Int
  var poolIndex: Int
  var key: Int32
  var signal: Double
  var report: Double
  var cost: Double
  var cumulativeCost: Double
  var batch: Int
  var methodSeconds: Double
  var initial: Bool
}

/// The rows of a query table, one array per field; `cell` indexes the table's (or, while it is
/// built, the builder's) cells.
struct QueryColumns: Sendable {
  var cell: [Int32] = []
  var query: [Int] = []
  var poolIndex: [Int] = []
  var key: [Int32] = []
  var signal: [Double] = []
  var report: [Double] = []
  var cost: [Double] = []
  var cumulativeCost: [Double] = []
  var batch: [Int] = []
  var methodSeconds: [Double] = []
  var initial: [Bool] = []

  var count: Int { cell.count }

  mutating func append(_ fields: QueryFields, cell index: Int32) {
    cell.append(index)
    query.append(fields.query)
    poolIndex.append(fields.poolIndex)
    key.append(fields.key)
    signal.append(fields.signal)
    report.append(fields.report)
    cost.append(fields.cost)
    cumulativeCost.append(fields.cumulativeCost)
    batch.append(fields.batch)
    methodSeconds.append(fields.methodSeconds)
    initial.append(fields.initial)
  }

  /// The rows in the order `order` gives (row `i` of the result is row `order[i]` of these),
  /// with their cells renumbered by `cellNumber`; one column at a time, so at most one column
  /// is held twice.
  consuming func reordered(by order: [Int]?, cellNumber: [Int32]) -> QueryColumns {
    func pick<T>(_ column: inout [T]) {
      guard let order else { return }
      let old = column
      column = []
      column = order.map { old[$0] }
    }
    pick(&cell)
    for row in cell.indices { cell[row] = cellNumber[Int(cell[row])] }
    pick(&query)
    pick(&poolIndex)
    pick(&key)
    pick(&signal)
    pick(&report)
    pick(&cost)
    pick(&cumulativeCost)
    pick(&batch)
    pick(&methodSeconds)
    pick(&initial)
    return self
  }
}
