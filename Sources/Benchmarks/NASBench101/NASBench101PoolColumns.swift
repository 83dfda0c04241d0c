/// A NAS-Bench-101 table whose rows are cells of the 423,624-cell pool: the pool index of each
/// row and the measured columns aligned with them (the 30k labels and the imported full table).
protocol NASBench101PoolColumns {
  /// Pool index of each row.
  var poolIndices: [Int] { get }
  /// Each column, aligned with `poolIndices`.
  var columns: [String: [Double]] { get }
}

extension NASBench101PoolColumns {
  /// The column `name` spread over the pool: NaN outside the table's cells.
  func poolColumn(_ name: String, poolSize: Int) -> [Double] {
    guard let values = columns[name] else { preconditionFailure("column \(name) was not loaded") }
    var spread = [Double](repeating: .nan, count: poolSize)
    for (position, index) in poolIndices.enumerated() { spread[index] = values[position] }
    return spread
  }
}
