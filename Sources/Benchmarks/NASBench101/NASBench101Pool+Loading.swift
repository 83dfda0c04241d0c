import SearchSpaces

/// Reading the NAS-Bench-101 pool from its data file, and the space over it.
extension NASBench101Pool {
  /// The data file.
  static let file = "nasbench101/nb101_search_space_all423624.csv.gz"
  /// The documented number of cells.
  static let expectedCount = 423_624

  /// The pool of `data`, loaded once per process.
  static func cached(in data: DataDirectory) throws -> NASBench101Pool {
    try DataCache.shared.value(for: "nb101-pool|" + data.path) { try load(from: data) }
  }

  /// Reads, verifies and parses the pool file (uncached).
  ///
  /// - Throws: verification, gzip and CSV errors; `inconsistentTable` when the rows are not
  ///   423,624 cells in strictly ascending hash order with `space_index` = row.
  /// - Complexity: O(file size), about 1 s in a release build.
  static func load(from data: DataDirectory) throws -> NASBench101Pool {
    let table = try data.table(file)
    guard table.rowCount == expectedCount else {
      throw BenchmarkError.inconsistentTable(file: file, detail: "expected 423,624 rows, found", value: "\(table.rowCount)")
    }
    let spaceIndices = try table.integers("space_index")
    if let row = spaceIndices.indices.first(where: { spaceIndices[$0] != $0 }) {
      throw BenchmarkError.inconsistentTable(
        file: file, detail: "space_index differs from the row number at line \(row + 2)", value: "\(spaceIndices[row])")
    }
    let count = table.rowCount
    var hashes = [ModuleHashKey](repeating: ModuleHashKey(high: 0, low: 0), count: count)
    try table.forEachField("hash", expected: "32 hex digits, ascending") { row, field in
      guard let key = ModuleHashKey(hex: field), row == 0 || hashes[row - 1] < key else { return false }
      hashes[row] = key
      return true
    }
    let vertexCounts = try table.integers("num_vertices")
    if let row = vertexCounts.indices.first(where: { vertexCounts[$0] < 2 || vertexCounts[$0] > 7 }) {
      throw table.malformed(row: row, column: try table.column("num_vertices"), expected: "a vertex count in 2...7")
    }
    var labels = [UInt8](repeating: NASBench101Space.absentLabel, count: count * 7)
    try table.forEachField("ops", expected: "letters I, A, B, M, O: I first, O last, one per vertex") { row, field in
      let n = vertexCounts[row]
      guard field.count == n else { return false }
      for (vertex, letter) in field.enumerated() {
        let label: UInt8
        switch letter {
        case UInt8(ascii: "I") where vertex == 0: label = 0
        case UInt8(ascii: "A") where vertex > 0 && vertex < n - 1: label = 1
        case UInt8(ascii: "B") where vertex > 0 && vertex < n - 1: label = 2
        case UInt8(ascii: "M") where vertex > 0 && vertex < n - 1: label = 3
        case UInt8(ascii: "O") where vertex == n - 1: label = 4
        default: return false
        }
        labels[row * 7 + vertex] = label
      }
      return true
    }
    var adjacency = [UInt32](repeating: 0, count: count)
    try table.forEachField("adjacency", expected: "49 digits 0/1, edges only i -> j with i < j < num_vertices") { row, field in
      guard field.count == 49 else { return false }
      let n = vertexCounts[row]
      var mask: UInt32 = 0
      for (k, (i, j)) in NASBench101Space.connectionPairs.enumerated() where field[i * 7 + j] == UInt8(ascii: "1") {
        guard j < n else { return false }
        mask |= 1 << UInt32(k)
      }
      let ones = field.reduce(0) { $0 + ($1 == UInt8(ascii: "1") ? 1 : 0) }
      guard ones == mask.nonzeroBitCount, field.allSatisfy({ $0 == 48 || $0 == 49 }) else { return false }
      adjacency[row] = mask
      return true
    }
    return NASBench101Pool(hashes: hashes, vertexCounts: vertexCounts.map(UInt8.init), labels: labels, adjacency: adjacency)
  }
}

extension NASBench101Space {
  /// The space of `data` (loads the 423,624-cell pool once per process).
  ///
  /// - Throws: any `BenchmarkError` of loading `nasbench101/nb101_search_space_all423624.csv.gz`.
  /// - Complexity: about 1 s the first time in a release build, O(1) after.
  public init(data: DataDirectory) throws {
    self.init(pool: try NASBench101Pool.cached(in: data))
  }
}
