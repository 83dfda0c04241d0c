import Randomness

/// The NAS-Bench-101 cell search space (Ying et al., ICML 2019,
/// https://arxiv.org/abs/1902.09635): DAGs of at most 7 vertices and 9 edges, interior
/// vertices labelled conv3x3-bn-relu, conv1x1-bn-relu or maxpool3x3; 423,624 distinct cells.
///
/// An `Architecture` holds:
/// - `operations`: 7 labels, one per vertex: 0 `input`, 1 `conv3x3-bn-relu`,
///   2 `conv1x1-bn-relu`, 3 `maxpool3x3`, 4 `output`, 5 `absent`. Present vertices come first
///   (vertex 0 the input, the last present vertex the output), absent ones pad the rest: a
///   cell of V < 7 vertices has labels 5 at positions V..6.
/// - `connections`: the 21 upper-triangular entries (i, j), i < j, of the 7x7 adjacency in
///   row-major order (0/1); an edge may only join present vertices.
///
/// Cells need not be pruned: `status(of:)` removes the vertices that lie on no
/// input-to-output path (as the official `ModelSpec` does), rejects cells whose output is
/// unreachable or that keep more than 9 edges, and finds the pool index through the official
/// module hash, so isomorphic cells are one architecture. Pool index = row of
/// `nasbench101/nb101_search_space_all423624.csv.gz` (ascending hash); key = the module hash.
public struct NASBench101Space: SearchSpace {
  /// The operation names, indexed by label.
  public static let labels = ["input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3", "output", "absent"]

  /// Every cell of the space, compactly.
  public let pool: NASBench101Pool
  public var name: String { "nas-bench-101" }
  public var operationNames: [String] { Self.labels }
  public var poolSize: Int { pool.count }

  /// The space over `pool` (`Benchmarks` reads it from the data file with `init(data:)`).
  public init(pool: NASBench101Pool) {
    self.pool = pool
  }

  /// The upper-triangular pairs (i, j), i < j, of the 7x7 adjacency in row-major order: the
  /// meaning of `Architecture.connections[k]` and of bit k of the pool's adjacency masks.
  public static var connectionPairs: [(Int, Int)] { NASBench101Cell.pairs }

  /// The label of an absent vertex (padding after the output).
  public static var absentLabel: UInt8 { NASBench101Cell.absentLabel }

  /// The official module hash (32 hex digits) of `architecture` after pruning, or `nil`
  /// when it is not a valid cell. Does not need the pool.
  ///
  /// - Complexity: O(V^2) MD5 computations (about 60 for a 7-vertex cell).
  public static func moduleHash(of architecture: Architecture) -> String? {
    guard let cell = NASBench101Cell(architecture)?.pruned() else { return nil }
    return String(decoding: cell.moduleHash(), as: UTF8.self)
  }

  /// The pool representative: pruned, vertices in the order of the data file.
  ///
  /// - Complexity: O(1).
  public func architecture(at index: Int) -> Architecture {
    precondition(index >= 0 && index < poolSize, "pool index \(index) outside 0..<\(poolSize)")
    return pool.cell(at: index).architecture
  }

  /// `invalid` when the arrays do not read as a cell (7 labels: input first, the output at
  /// the last present vertex, interior labels 1...3, absent vertices after; 21 connection
  /// bits 0/1 joining present vertices only), when the output is unreachable, or when the
  /// pruned cell keeps more than 9 edges (the official `ModelSpec` rules); otherwise the pool
  /// index of its module hash, or `notInPool` when the pool lacks that hash. With the full
  /// 423,624-cell pool every valid cell is found (a test checks it on random token rows), so
  /// `notInPool` arises only over a partial pool.
  ///
  /// - Complexity: pruning plus one module hash, then O(log n) lookup.
  public func status(of architecture: Architecture) -> PoolStatus {
    guard let cell = NASBench101Cell(architecture)?.pruned() else { return .invalid }
    return poolIndex(ofPruned: cell).map(PoolStatus.pool) ?? .notInPool
  }

  /// The module hash of pool index `index`.
  public func key(at index: Int) -> String { pool.hashes[index].hex }

  /// - Complexity: O(1).
  public func randomArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture {
    architecture(at: rng.nextInt(below: poolSize))
  }

  /// Flips one edge between present vertices or changes one interior label, uniformly among
  /// the changes whose result is valid and a different cell after canonicalisation (the
  /// first such change in a random order). The result is returned unpruned, as changed. The
  /// 2-vertex cell (input -> output) has no such change; it mutates to a uniformly random
  /// other pool cell.
  ///
  /// - Precondition: `parent` reads as a cell (7 labels, 21 connection bits).
  /// - Complexity: one module hash per change tried (at most 31).
  public func mutate(_ parent: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture {
    guard let cell = NASBench101Cell(parent) else { preconditionFailure("mutate: \(parent) is not a NAS-Bench-101 cell") }
    let parentIndex = index(of: parent)
    let changes = Self.changes(of: cell)
    for position in rng.sampleWithoutReplacement(changes.count, from: changes.count) {
      let child = Self.applying(changes[position], to: cell)
      if let childIndex = child.pruned().flatMap(poolIndex(ofPruned:)), childIndex != parentIndex {
        return child.architecture
      }
    }
    var other = rng.nextInt(below: poolSize)
    while other == parentIndex { other = rng.nextInt(below: poolSize) }
    return architecture(at: other)
  }

  /// Pool indices of every valid cell one edge flip or one label change away, without
  /// duplicates or `architecture` itself, in the order of the changes (edges by pair, then
  /// labels by vertex).
  ///
  /// - Complexity: one module hash per change (at most 31).
  public func neighbors(of architecture: Architecture) -> [Int] {
    guard let cell = NASBench101Cell(architecture) else { return [] }
    let own = index(of: architecture)
    var seen = Set<Int>()
    var result: [Int] = []
    for change in Self.changes(of: cell) {
      if let index = Self.applying(change, to: cell).pruned().flatMap(poolIndex(ofPruned:)), index != own,
        seen.insert(index).inserted
      {
        result.append(index)
      }
    }
    return result
  }

  private func poolIndex(ofPruned cell: NASBench101Cell) -> Int? {
    ModuleHashKey(hex: cell.moduleHash()).flatMap(pool.index(of:))
  }

  /// One step: flip edge (i, j), or give vertex i label `label`.
  private enum Change {
    case flip(Int, Int)
    case relabel(Int, UInt8)
  }

  private static func changes(of cell: NASBench101Cell) -> [Change] {
    let n = cell.vertexCount
    var changes: [Change] = NASBench101Cell.pairs.filter { $0.1 < n }.map { Change.flip($0.0, $0.1) }
    for vertex in 1..<max(1, n - 1) {
      for label in UInt8(1)...3 where label != cell.labels[vertex] { changes.append(.relabel(vertex, label)) }
    }
    return changes
  }

  private static func applying(_ change: Change, to cell: NASBench101Cell) -> NASBench101Cell {
    var child = cell
    switch change {
    case .flip(let i, let j): child.successors[i] ^= 1 << UInt8(j)
    case .relabel(let vertex, let label): child.labels[vertex] = label
    }
    return child
  }
}
