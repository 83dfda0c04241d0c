/// A sparse matrix in compressed sparse row (CSR) form: for row `i`, the non-zero entries are
/// positions `rowPointers[i]..<rowPointers[i + 1]` of `columnIndices` and `values`.
///
/// The structure of a graph over many nodes (a k-nearest-neighbour graph of thousands of
/// architectures: 10,000 nodes with 10 neighbours each are 100,000 entries, where a dense
/// adjacency would take 400 MB), multiplied with dense node features by
/// `Tensor.sparseProduct(_:_:)`. Columns within a row are kept in increasing order.
public struct SparseMatrix: Sendable, Hashable {
  /// The number of rows.
  public let rowCount: Int
  /// The number of columns.
  public let columnCount: Int
  /// `rowCount + 1` offsets into `columnIndices` and `values`, from 0 to `nonzeroCount`,
  /// non-decreasing.
  public let rowPointers: [Int]
  /// The column of each stored entry, in `0..<columnCount`, increasing within a row.
  public let columnIndices: [Int]
  /// The value of each stored entry.
  public let values: [Float]

  /// A matrix from its CSR arrays.
  ///
  /// - Precondition: the arrays form a valid CSR matrix as documented on the properties.
  public init(rowCount: Int, columnCount: Int, rowPointers: [Int], columnIndices: [Int], values: [Float]) {
    precondition(rowCount >= 0 && columnCount >= 0, "SparseMatrix: negative size \(rowCount) x \(columnCount)")
    precondition(
      rowPointers.count == rowCount + 1, "SparseMatrix: \(rowPointers.count) row pointers for \(rowCount) rows (needs \(rowCount + 1))")
    precondition(
      columnIndices.count == values.count, "SparseMatrix: \(columnIndices.count) column indices but \(values.count) values")
    precondition(
      rowPointers.first == 0 && rowPointers.last == values.count,
      "SparseMatrix: row pointers must run from 0 to \(values.count), got \(rowPointers.first ?? -1) to \(rowPointers.last ?? -1)")
    for i in 0..<rowCount {
      let (start, end) = (rowPointers[i], rowPointers[i + 1])
      precondition(start <= end, "SparseMatrix: row pointers decrease at row \(i): \(start) then \(end)")
      for k in start..<end {
        let column = columnIndices[k]
        precondition(column >= 0 && column < columnCount, "SparseMatrix: column \(column) in row \(i) outside 0..<\(columnCount)")
        precondition(k == start || columnIndices[k - 1] < column, "SparseMatrix: columns of row \(i) not increasing at \(column)")
      }
    }
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.rowPointers = rowPointers
    self.columnIndices = columnIndices
    self.values = values
  }

  /// A matrix from `(row, column, value)` entries in any order; entries at the same position
  /// are added.
  ///
  /// - Complexity: O(e log e) for e entries.
  public init(rowCount: Int, columnCount: Int, entries: [(row: Int, column: Int, value: Float)]) {
    let sorted = entries.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    var pointers = [Int](repeating: 0, count: rowCount + 1)
    var columns: [Int] = []
    var values: [Float] = []
    columns.reserveCapacity(sorted.count)
    values.reserveCapacity(sorted.count)
    var previous: (row: Int, column: Int)? = nil
    for entry in sorted {
      precondition(entry.row >= 0 && entry.row < rowCount, "SparseMatrix: row \(entry.row) outside 0..<\(rowCount)")
      if let previous, previous == (entry.row, entry.column) {
        values[values.count - 1] += entry.value
        continue
      }
      columns.append(entry.column)
      values.append(entry.value)
      pointers[entry.row + 1] += 1
      previous = (entry.row, entry.column)
    }
    for i in 0..<rowCount { pointers[i + 1] += pointers[i] }
    self.init(rowCount: rowCount, columnCount: columnCount, rowPointers: pointers, columnIndices: columns, values: values)
  }

  /// The number of stored entries.
  public var nonzeroCount: Int { values.count }

  /// The transpose, also in CSR form.
  ///
  /// - Complexity: O(rows + columns + stored entries).
  public func transposed() -> SparseMatrix {
    var pointers = [Int](repeating: 0, count: columnCount + 1)
    for column in columnIndices { pointers[column + 1] += 1 }
    for j in 0..<columnCount { pointers[j + 1] += pointers[j] }
    var next = pointers
    var rows = [Int](repeating: 0, count: nonzeroCount)
    var transposedValues = [Float](repeating: 0, count: nonzeroCount)
    for i in 0..<rowCount {
      for k in rowPointers[i]..<rowPointers[i + 1] {
        let slot = next[columnIndices[k]]
        rows[slot] = i
        transposedValues[slot] = values[k]
        next[columnIndices[k]] += 1
      }
    }
    return SparseMatrix(rowCount: columnCount, columnCount: rowCount, rowPointers: pointers, columnIndices: rows, values: transposedValues)
  }

  /// The matrix as a dense `[rowCount, columnCount]` tensor (for tests and small graphs).
  public func dense() -> Tensor {
    var scalars = [Float](repeating: 0, count: rowCount * columnCount)
    for i in 0..<rowCount {
      for k in rowPointers[i]..<rowPointers[i + 1] { scalars[i * columnCount + columnIndices[k]] = values[k] }
    }
    return Tensor(shape: [rowCount, columnCount], scalars: scalars)
  }
}
