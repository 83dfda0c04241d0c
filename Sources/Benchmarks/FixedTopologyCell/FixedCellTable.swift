import SearchSpaces

/// A benchmark table over a fixed-topology cell space: the pool order and numeric columns
/// indexed by pool index (NAS-Bench-201 accuracies, TransNAS-Bench-101 micro metrics).
struct FixedCellTable: Sendable {
  /// The pool order read from the file.
  let cells: FixedCellIndex
  /// Every requested column, indexed by pool index.
  let columns: [String: [Double]]

  /// Reads, verifies and parses `file` (uncached).
  ///
  /// - Throws: any `BenchmarkError` of verification, gzip or CSV parsing, naming the file.
  /// - Complexity: O(file size).
  static func load(
    _ file: String, from data: DataDirectory, operationCount: Int, keyColumn: String,
    key: ([UInt8]) -> String, columns names: [String]
  ) throws -> FixedCellTable {
    let table = try data.table(file)
    let cells = try FixedCellIndex.read(from: table, operationCount: operationCount, keyColumn: keyColumn, key: key)
    var columns: [String: [Double]] = [:]
    for name in names { columns[name] = try table.doubles(name) }
    return FixedCellTable(cells: cells, columns: columns)
  }

  /// The column `name`.
  ///
  /// - Precondition: `name` was requested at load time.
  func column(_ name: String) -> [Double] {
    guard let values = columns[name] else { preconditionFailure("column \(name) was not loaded") }
    return values
  }
}

/// Reading the pool order of a fixed-topology cell table.
extension FixedCellIndex {
  /// Reads the pool order from a table with `arch_index` (= row), `ops` (six digits) and
  /// `keyColumn` (checked against `key` for every row).
  ///
  /// - Throws: `malformedCSV` or `inconsistentTable` naming the file and the row.
  /// - Complexity: O(rows).
  static func read(
    from table: CSVTable, operationCount: Int, keyColumn: String, key: ([UInt8]) -> String
  ) throws -> FixedCellIndex {
    let indices = try table.integers("arch_index")
    if let row = indices.indices.first(where: { indices[$0] != $0 }) {
      throw BenchmarkError.inconsistentTable(
        file: table.file, detail: "arch_index differs from the row number at line \(row + 2)", value: "\(indices[row])")
    }
    var codes = [Int32](repeating: 0, count: table.rowCount)
    try table.forEachField("ops", expected: "six digits below \(operationCount)") { row, field in
      guard field.count == 6 else { return false }
      var code: Int32 = 0
      for byte in field {
        let digit = Int32(byte) - 48
        guard digit >= 0 && digit < operationCount else { return false }
        code = code * Int32(operationCount) + digit
      }
      codes[row] = code
      return true
    }
    guard let cells = FixedCellIndex(operationCount: operationCount, codes: codes) else {
      throw BenchmarkError.inconsistentTable(file: table.file, detail: "ops column is not every cell exactly once; rows", value: "\(table.rowCount)")
    }
    try table.forEachField(keyColumn, expected: "the key of the row's ops") { row, field in
      field.elementsEqual(key(cells.operations(at: row)).utf8)
    }
    return cells
  }
}
