/// Every NAS-Bench-101 cell (423,624), compactly: about 12 MB in memory.
///
/// The rows are in ascending module-hash order and the row is the pool index, so a hash is
/// found by binary search. `Benchmarks` reads it from
/// `nasbench101/nb101_search_space_all423624.csv.gz` and checks every row.
public struct NASBench101Pool: Sendable {
  /// Module hash of each cell, ascending.
  public let hashes: [ModuleHashKey]
  /// Vertex count of each cell (2...7).
  public let vertexCounts: [UInt8]
  /// Labels of each cell, 7 per cell (absent vertices padded with the absent label).
  public let labels: [UInt8]
  /// Adjacency of each cell: bit k set when `NASBench101Space.connectionPairs[k]` is an edge.
  public let adjacency: [UInt32]

  /// Creates a pool from its columns.
  ///
  /// - Precondition: `hashes` strictly ascending; `vertexCounts` and `adjacency` have one
  ///   entry per hash and `labels` seven; vertex counts in 2...7; labels 0 input first,
  ///   4 output at the last present vertex, 1...3 between, 5 after; edges only i -> j with
  ///   i < j < vertex count (the loader checks each and names the offending row).
  public init(hashes: [ModuleHashKey], vertexCounts: [UInt8], labels: [UInt8], adjacency: [UInt32]) {
    precondition(
      vertexCounts.count == hashes.count && adjacency.count == hashes.count && labels.count == 7 * hashes.count,
      "pool columns disagree: \(hashes.count) hashes, \(vertexCounts.count) vertex counts, \(labels.count) labels, \(adjacency.count) masks")
    self.hashes = hashes
    self.vertexCounts = vertexCounts
    self.labels = labels
    self.adjacency = adjacency
  }

  /// Number of cells.
  public var count: Int { hashes.count }

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
  public func index(of hash: ModuleHashKey) -> Int? {
    hashes.sortedIndex(of: hash)
  }
}
