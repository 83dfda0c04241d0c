import SearchSpaces

/// The full NAS-Bench-101 table that `nasarena data import-nb101` builds from the official
/// release file: per cell, the means over its 3 training runs of the 108-epoch validation and
/// test accuracy (percent) and training time (seconds), and its parameter count, placed in
/// the pool.
///
/// Not shipped: it exists only after an import, and is verified against
/// `nasbench101/IMPORTED.SHA256SUMS`, the list the importer writes beside it.
struct NASBench101FullTable: NASBench101PoolColumns, Sendable {
  /// The table, relative to the data folder.
  static let file = "nasbench101/nb101_full_108_mean3.csv.gz"
  /// The checksum list the importer writes (one of `DataDirectory.importedChecksumFiles`).
  static let checksumFile = "nasbench101/IMPORTED.SHA256SUMS"
  /// What to run when the table is absent.
  static let importCommand = "nasarena data import-nb101 nasbench_only108.tfrecord"
  /// The measured columns: 3-run means (percent, percent, seconds) and the parameter count.
  static let columnNames = ["mean_val_acc_108", "mean_test_acc_108", "mean_train_time_108_s", "params"]

  /// Pool index of each row, strictly ascending.
  let poolIndices: [Int]
  /// Each column, aligned with `poolIndices`.
  let columns: [String: [Double]]

  /// Whether the importer has written the table into `data`.
  static func isImported(in data: DataDirectory) -> Bool {
    SystemFiles.fileExists(data.path + "/" + file)
  }

  /// Throws unless the table has been imported into `data`.
  ///
  /// - Throws: `BenchmarkError.notImported` naming the import command.
  static func requireImported(in data: DataDirectory) throws {
    guard isImported(in: data) else { throw BenchmarkError.notImported(file: file, path: data.path + "/" + file, command: importCommand) }
  }

  /// The cache key of the table of `data` (an import drops it).
  static func cacheKey(_ data: DataDirectory) -> String { "nb101-full|" + data.path }

  /// The table of `data`, loaded once per process.
  static func cached(in data: DataDirectory) throws -> NASBench101FullTable {
    try requireImported(in: data)
    return try DataCache.shared.value(for: cacheKey(data)) { try load(from: data, pool: NASBench101Pool.cached(in: data)) }
  }

  /// Reads and checks the table (uncached).
  ///
  /// - Throws: `notImported`; verification, gzip and CSV errors; `malformedCSV` for a hash not
  ///   in the pool, a `space_index` that is not the hash's pool row or not above the previous
  ///   row's, an accuracy outside 0...100, a negative or non-finite time, or a parameter
  ///   count below 1; `inconsistentTable` for an empty table.
  /// - Complexity: O(rows x log(pool size)).
  static func load(from data: DataDirectory, pool: NASBench101Pool) throws -> NASBench101FullTable {
    try requireImported(in: data)
    let table = try data.table(file)
    guard table.rowCount > 0 else { throw BenchmarkError.inconsistentTable(file: file, detail: "no rows; rows", value: "0") }
    var indices = [Int](repeating: 0, count: table.rowCount)
    try table.forEachField("hash", expected: "the module hash of a NAS-Bench-101 cell") { row, field in
      guard let key = ModuleHashKey(hex: field), let index = pool.index(of: key) else { return false }
      indices[row] = index
      return true
    }
    let stated = try table.integers("space_index")
    if let row = stated.indices.first(where: { stated[$0] != indices[$0] || ($0 > 0 && indices[$0] <= indices[$0 - 1]) }) {
      throw table.malformed(
        row: row, column: try table.column("space_index"), expected: "\(indices[row]), the pool row of the hash, above the previous row's")
    }
    var columns: [String: [Double]] = [:]
    for name in columnNames {
      let values = try table.doubles(name)
      let valid: (Double) -> Bool =
        switch name {
        case "params": { $0 >= 1 && $0 == $0.rounded() }
        case "mean_train_time_108_s": { $0.isFinite && $0 >= 0 }
        default: { $0 >= 0 && $0 <= 100 }
        }
      if let row = values.indices.first(where: { !valid(values[$0]) }) {
        throw table.malformed(row: row, column: try table.column(name), expected: name == "params" ? "a count of at least 1" : "a value in range")
      }
      columns[name] = values
    }
    return NASBench101FullTable(poolIndices: indices, columns: columns)
  }
}
