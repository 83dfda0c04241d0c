import SearchSpaces

/// Spaces built from plain values, without the data files: the structure does not need the
/// tables, so these tests run anywhere.
enum SyntheticSpaces {
  /// NAS-Bench-201 with pool index = cell code (the real table orders the pool differently;
  /// the structure is the same).
  static let nasBench201 = NASBench201Space(cells: identityCells(operationCount: 5))
  /// TransNAS micro with pool index = cell code.
  static let transNAS = TransNASMicroSpace(cells: identityCells(operationCount: 4))
  /// NAS-Bench-Graph with every valid architecture whose package hash is even in the pool,
  /// so odd ones are valid but not in the pool.
  static let nasBenchGraph = NASBenchGraphSpace(
    dataset: "synthetic",
    hashes: (0..<90_000).filter { $0 % 2 == 0 && NASBenchGraphSpace.isValidHash($0) }.map(Int32.init))
  /// NAS-Bench-101 with an empty pool: every valid cell is `notInPool`.
  static let emptyNASBench101 = NASBench101Space(pool: NASBench101Pool(hashes: [], vertexCounts: [], labels: [], adjacency: []))

  static func identityCells(operationCount: Int) -> FixedCellIndex {
    let size = (0..<6).reduce(1) { product, _ in product * operationCount }
    guard let cells = FixedCellIndex(operationCount: operationCount, codes: (0..<size).map(Int32.init)) else {
      preconditionFailure("the identity order is a permutation")
    }
    return cells
  }

  /// A NAS-Bench-101 architecture from vertex labels (input and output included) and edges.
  static func cell(_ labels: [UInt8], edges: [(Int, Int)]) -> Architecture {
    let pairs = NASBench101Space.connectionPairs
    let connections = pairs.map { pair in edges.contains { $0 == pair } ? UInt8(1) : 0 }
    return Architecture(operations: labels + [UInt8](repeating: NASBench101Space.absentLabel, count: 7 - labels.count), connections: connections)
  }
}
