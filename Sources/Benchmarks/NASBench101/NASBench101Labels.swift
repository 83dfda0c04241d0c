import SearchSpaces

/// The labelled NAS-Bench-101 cells: the union of the 20k and 10k single-run slices
/// (30,001 cells), with their measured columns, placed in the pool.
struct NASBench101Labels: NASBench101PoolColumns, Sendable {
  /// The two labelled files.
  static let files = [
    "nasbench101/nb101_subset20k_valid_single_run.csv.gz", "nasbench101/nb101_vis10k_valid_single_run.csv.gz",
  ]
  /// The measured columns kept (validation accuracy in percent, params, seconds).
  static let columnNames = ["val_acc_4", "val_acc_12", "val_acc_36", "val_acc_108", "params", "train_time_108_s"]

  /// Pool index of each labelled cell, in file order (20k file first).
  let poolIndices: [Int]
  /// Each column, aligned with `poolIndices`.
  let columns: [String: [Double]]

  /// The labels of `data`, loaded once per process.
  static func cached(in data: DataDirectory) throws -> NASBench101Labels {
    try DataCache.shared.value(for: "nb101-labels|" + data.path) { try load(from: data, pool: NASBench101Pool.cached(in: data)) }
  }

  /// Reads both slices and finds each cell's pool index through its hash (uncached).
  ///
  /// - Throws: verification, gzip and CSV errors; `malformedCSV` for a hash that is not in
  ///   the pool or a `space_index` that disagrees with the hash; `inconsistentTable` when the
  ///   slices overlap.
  /// - Complexity: O(rows x log(pool size)).
  static func load(from data: DataDirectory, pool: NASBench101Pool) throws -> NASBench101Labels {
    var poolIndices: [Int] = []
    var columns: [String: [Double]] = [:]
    for file in files {
      let table = try data.table(file)
      var rowIndices = [Int](repeating: 0, count: table.rowCount)
      try table.forEachField("hash", expected: "the module hash of a NAS-Bench-101 cell") { row, field in
        guard let key = ModuleHashKey(hex: field), let index = pool.index(of: key) else { return false }
        rowIndices[row] = index
        return true
      }
      if table.columnNames.contains("space_index") {
        let stated = try table.integers("space_index")
        if let row = stated.indices.first(where: { stated[$0] != rowIndices[$0] }) {
          throw table.malformed(row: row, column: try table.column("space_index"), expected: "\(rowIndices[row]), the pool row of the hash")
        }
      }
      poolIndices += rowIndices
      for name in columnNames { columns[name, default: []] += try table.doubles(name) }
    }
    guard Set(poolIndices).count == poolIndices.count else {
      throw BenchmarkError.inconsistentTable(
        file: files[1], detail: "the labelled slices overlap; distinct cells", value: "\(Set(poolIndices).count)")
    }
    return NASBench101Labels(poolIndices: poolIndices, columns: columns)
  }
}
