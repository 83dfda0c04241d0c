import SearchSpaces

/// The NAS-Bench-Graph light table: for each of 9 graph datasets, the architectures
/// (ascending package hash) with validation and test performance, latency and parameters.
struct NASBenchGraphTable: Sendable {
  /// The data file.
  static let file = "nasbench_graph/nasbench_graph_light.csv.gz"
  /// The datasets, in file order.
  /// The numeric columns kept, by which tasks pick their signal and report.
  static let columnNames = ["valid_perf", "test_perf", "latency_ms", "params_m"]
  static let datasets = ["arxiv", "citeseer", "computers", "cora", "cs", "photo", "physics", "proteins", "pubmed"]

  /// The rows of one dataset.
  struct Dataset: Sendable {
    /// Package hash of each architecture, ascending (the pool order).
    let hashes: [Int32]
    /// `valid_perf`, `test_perf`, `latency_ms`, `params_m`, aligned with `hashes`.
    let columns: [String: [Double]]
  }

  /// The rows of every dataset, by dataset name.
  let datasets: [String: Dataset]

  /// The table of `data`, loaded once per process.
  static func cached(in data: DataDirectory) throws -> NASBenchGraphTable {
    try DataCache.shared.value(for: "nbgraph|" + data.path) { try load(from: data) }
  }

  /// Reads, verifies and parses the table (uncached); checks that every row's `link` and
  /// `ops` text decode from its `arch_hash` and that hashes ascend within each dataset.
  ///
  /// - Throws: verification, gzip and CSV errors naming the file, line and column.
  /// - Complexity: O(file size).
  static func load(from data: DataDirectory) throws -> NASBenchGraphTable {
    let table = try data.table(file)
    let hashes = try table.integers("arch_hash")
    if let row = hashes.indices.first(where: { !NASBenchGraphSpace.isValidHash(hashes[$0]) }) {
      throw table.malformed(row: row, column: try table.column("arch_hash"), expected: "L*10^4 + o1*10^3 + o2*10^2 + o3*10 + o4 with L, o_i < 9")
    }
    let linkTexts = NASBenchGraphSpace.links.map { Array($0.map(String.init).joined(separator: ",").utf8) }
    try table.forEachField("link", expected: "the link pattern encoded in arch_hash") { row, field in
      field.elementsEqual(linkTexts[hashes[row] / 10_000])
    }
    let operationTexts = NASBenchGraphSpace.labels.map { Array($0.utf8) }
    try table.forEachField("ops", expected: "the operations encoded in arch_hash") { row, field in
      var position = 0
      for divisor in [1_000, 100, 10, 1] {
        let text = operationTexts[hashes[row] / divisor % 10]
        guard position + text.count <= field.count, field[position..<(position + text.count)].elementsEqual(text) else { return false }
        position += text.count
        if divisor > 1 {
          guard position < field.count, field[position] == UInt8(ascii: ",") else { return false }
          position += 1
        }
      }
      return position == field.count
    }
    let datasetTexts = datasets.map { Array($0.utf8) }
    var rowsByDataset = [[Int]](repeating: [], count: datasets.count)
    try table.forEachField("dataset", expected: "one of \(datasets.joined(separator: ", "))") { row, field in
      guard let dataset = datasetTexts.firstIndex(where: { field.elementsEqual($0) }) else { return false }
      rowsByDataset[dataset].append(row)
      return true
    }
    let names = columnNames
    var values: [String: [Double]] = [:]
    for name in names { values[name] = try table.doubles(name) }
    var result: [String: Dataset] = [:]
    for (dataset, rows) in rowsByDataset.enumerated() {
      let name = datasets[dataset]
      if let bad = rows.indices.dropFirst().first(where: { hashes[rows[$0 - 1]] >= hashes[rows[$0]] }) {
        throw table.malformed(row: rows[bad], column: try table.column("arch_hash"), expected: "hashes ascending within dataset \(name)")
      }
      var columns: [String: [Double]] = [:]
      for column in names {
        let all = values[column] ?? []
        columns[column] = rows.map { all[$0] }
      }
      result[name] = Dataset(hashes: rows.map { Int32(hashes[$0]) }, columns: columns)
    }
    return NASBenchGraphTable(datasets: result)
  }
}

extension NASBenchGraphSpace {
  /// The space of `dataset` in `data` (loads the table once per process).
  ///
  /// - Throws: `unknownTask` for an unknown dataset (listing the `nbgraph-` tasks), or any
  ///   error of loading the table.
  public init(data: DataDirectory, dataset: String) throws {
    guard let rows = try NASBenchGraphTable.cached(in: data).datasets[dataset] else {
      throw BenchmarkError.unknownTask(name: "nbgraph-" + dataset, known: NASBenchGraphTable.datasets.map { "nbgraph-" + $0 })
    }
    self.init(dataset: dataset, hashes: rows.hashes)
  }
}
