/// Collects query rows in any order, then sorts them into a `QueryTable`.
///
/// Cells are numbered as they are first seen (by `cell(task:method:trial:)`), so a log reader
/// can also number the cells of lines that are not queries, for its checks; only cells with
/// rows become cells of the table.
struct QueryTableBuilder {
  private struct CellKey: Hashable {
    var task: Int32
    var method: Int32
    var trial: Int
  }

  /// The strings the rows refer to.
  var pool = StringPool()
  private var cellNumbers: [CellKey: Int32] = [:]
  private var cellKeys: [CellKey] = []
  /// The last cell looked up: consecutive lines of a log mostly belong to one trial.
  private var lastCell: (key: CellKey, number: Int32)?
  private var columns = QueryColumns()

  /// The number of the cell of `trial` of the method and task with these pool ids.
  mutating func cell(task: Int32, method: Int32, trial: Int) -> Int {
    let key = CellKey(task: task, method: method, trial: trial)
    if let lastCell, lastCell.key == key { return Int(lastCell.number) }
    let number: Int32
    if let known = cellNumbers[key] {
      number = known
    } else {
      number = Int32(cellKeys.count)
      cellNumbers[key] = number
      cellKeys.append(key)
    }
    lastCell = (key, number)
    return Int(number)
  }

  /// The cell with number `number`.
  func cellName(_ number: Int) -> TrialCell {
    let key = cellKeys[number]
    return TrialCell(task: pool[key.task], method: pool[key.method], trial: key.trial)
  }

  /// Adds a row of cell `number`.
  mutating func append(_ fields: QueryFields, cell number: Int) {
    columns.append(fields, cell: Int32(number))
  }

  /// The table of the rows appended, sorted by cell then query number (rows of one cell and
  /// query number in the order appended).
  ///
  /// - Complexity: O(rows + cells log cells) when each cell's rows were appended in query
  ///   order, O(rows log rows) at worst.
  consuming func table() -> QueryTable {
    var rowsPerCell = [Int](repeating: 0, count: cellKeys.count)
    for number in columns.cell { rowsPerCell[Int(number)] += 1 }
    let present = cellKeys.indices.filter { rowsPerCell[$0] > 0 }
    let names = present.map(cellName)
    let ranked = present.indices.sorted { names[$0] < names[$1] }
    var rank = [Int32](repeating: -1, count: cellKeys.count)
    var starts = [0]
    starts.reserveCapacity(ranked.count + 1)
    for (position, index) in ranked.enumerated() {
      rank[present[index]] = Int32(position)
      starts.append(starts[position] + rowsPerCell[present[index]])
    }
    let order = Self.canonicalOrder(columns, rank: rank, starts: starts)
    let table = QueryTable(
      cells: ranked.map { names[$0] }, cellStarts: starts, pool: pool,
      columns: columns.reordered(by: order, cellNumber: rank))
    return table
  }

  /// The permutation that sorts the rows by (cell rank, query number), stably; `nil` when they
  /// are in that order already.
  private static func canonicalOrder(_ columns: QueryColumns, rank: [Int32], starts: [Int]) -> [Int]? {
    var sorted = true
    var previous: (rank: Int32, query: Int) = (-1, 0)
    for row in 0..<columns.count {
      let current = (rank[Int(columns.cell[row])], columns.query[row])
      if current < previous {
        sorted = false
        break
      }
      previous = current
    }
    if sorted { return nil }
    // A stable counting sort by cell, then a sort of any cell whose rows are out of query order.
    var next = Array(starts.dropLast())
    var order = [Int](repeating: 0, count: columns.count)
    for row in 0..<columns.count {
      let cell = Int(rank[Int(columns.cell[row])])
      order[next[cell]] = row
      next[cell] += 1
    }
    for cell in 0..<(starts.count - 1) {
      let range = starts[cell]..<starts[cell + 1]
      let inOrder = zip(order[range].dropFirst(), order[range]).allSatisfy { columns.query[$0] >= columns.query[$1] }
      if !inOrder {
        order[range].sort { (columns.query[$0], $0) < (columns.query[$1], $1) }
      }
    }
    return order
  }
}
