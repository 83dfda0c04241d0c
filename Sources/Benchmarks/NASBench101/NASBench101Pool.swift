/// Every NAS-Bench-101 cell (423,624), compactly: about 12 MB in memory.
///
/// Read from `nasbench101/nb101_search_space_all423624.csv.gz`, whose rows are in ascending
/// module-hash order; the row is the pool index, so a hash is found by binary search.
struct NASBench101Pool: Sendable {
  /// The data file.
  static let file = "nasbench101/nb101_search_space_all423624.csv.gz"
  /// The documented number of cells.
  static let expectedCount = 423_624

  /// Module hash of each cell, ascending.
  let hashes: [ModuleHashKey]
  /// Vertex count of each cell (2...7).
  let vertexCounts: [UInt8]
  /// Labels of each cell, 7 per cell (absent vertices padded with the absent label).
  let labels: [UInt8]
  /// Adjacency of each cell: bit k set when `NASBench101Cell.pairs[k]` is an edge.
  let adjacency: [UInt32]

  var count: Int { hashes.count }

  /// The cell at pool index `index`.
  func cell(at index: Int) -> NASBench101Cell {
    let n = Int(vertexCounts[index])
    var successors = [UInt8](repeating: 0, count: n)
    let mask = adjacency[index]
    for (k, (i, j)) in NASBench101Cell.pairs.enumerated() where mask & (1 << UInt32(k)) != 0 {
      successors[i] |= 1 << UInt8(j)
    }
    return NASBench101Cell(labels: Array(labels[(index * 7)..<(index * 7 + n)]), successors: successors)
  }

  /// The pool index of `hash`, or `nil`.
  ///
  /// - Complexity: O(log n).
  func index(of hash: ModuleHashKey) -> Int? {
    hashes.sortedIndex(of: hash)
  }

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
      throw BenchmarkError.inconsistentTable(file: file, detail: "space_index differs from the row number at line \(row + 2)", value: "\(spaceIndices[row])")
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
    var labels = [UInt8](repeating: NASBench101Cell.absentLabel, count: count * 7)
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
      for (k, (i, j)) in NASBench101Cell.pairs.enumerated() where field[i * 7 + j] == UInt8(ascii: "1") {
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
