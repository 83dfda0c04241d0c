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
