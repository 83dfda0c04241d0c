import Randomness

/// The NAS-Bench-Graph search space of one dataset (Qin et al., NeurIPS 2022 Datasets and
/// Benchmarks, https://arxiv.org/abs/2206.09166): four computing nodes, each taking its input
/// from the graph input or an earlier node (one of 9 link patterns), each with one of 9 GNN
/// operations. The pool is the table's architectures for the dataset (26,206; `proteins`:
/// 2,021 over 5 operations), in ascending package hash. Any of the 9 link patterns with any 4
/// of the 9 operations is a valid architecture (59,049); those without a row in the dataset's
/// table are `notInPool` (`status(of:)`), everything else is `invalid`.
///
/// An `Architecture` holds `connections` = the 4 link inputs (0 = graph input, k = node k)
/// and `operations` = the 4 labels, indices into `labels` (0 gat, 1 gcn, 2 gin, 3 cheb,
/// 4 sage, 5 arma, 6 graph, 7 fc, 8 skip). Key = the package's integer hash
/// `(((L*10 + o1)*10 + o2)*10 + o3)*10 + o4`, L the link pattern's position in `links`.
public struct NASBenchGraphSpace: SearchSpace {
  /// The 9 link patterns, in the package's order.
  public static let links: [[UInt8]] = [
    [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 2], [0, 0, 1, 3], [0, 1, 1, 1], [0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2, 3],
  ]
  /// The operation names, indexed by label.
  public static let labels = ["gat", "gcn", "gin", "cheb", "sage", "arma", "graph", "fc", "skip"]

  /// The dataset whose table defines the pool.
  public let dataset: String
  /// The labels used by this dataset's architectures, ascending (all 9, or 5 for proteins).
  public let allowedOperations: [UInt8]
  let hashes: [Int32]

  public var name: String { dataset == "proteins" ? "nas-bench-graph-proteins" : "nas-bench-graph" }
  public var operationNames: [String] { Self.labels }
  public var poolSize: Int { hashes.count }

  /// The space of `dataset` whose pool is `hashes` (`Benchmarks` reads them from the table
  /// with `init(data:dataset:)`).
  ///
  /// - Precondition: `hashes` strictly ascending, each a valid package hash.
  public init(dataset: String, hashes: [Int32]) {
    self.dataset = dataset
    self.hashes = hashes
    var used = [Bool](repeating: false, count: Self.labels.count)
    for hash in hashes {
      for divisor: Int32 in [1_000, 100, 10, 1] { used[Int(hash / divisor % 10)] = true }
    }
    allowedOperations = used.indices.filter { used[$0] }.map(UInt8.init)
  }

  /// A package hash split into link-pattern position and labels.
  struct Decoded {
    let link: Int
    let operations: [UInt8]
  }

  /// Whether every digit of a package hash is in range (link pattern and labels below 9).
  public static func isValidHash(_ hash: Int) -> Bool {
    hash >= 0 && hash < 90_000 && hash / 1_000 % 10 < 9 && hash / 100 % 10 < 9 && hash / 10 % 10 < 9 && hash % 10 < 9
  }

  /// Splits a package hash, or returns `nil` when a digit is out of range.
  static func decode(_ hash: Int) -> Decoded? {
    guard isValidHash(hash) else { return nil }
    let digits = [hash / 10_000, hash / 1_000 % 10, hash / 100 % 10, hash / 10 % 10, hash % 10]
    return Decoded(link: digits[0], operations: digits.dropFirst().map(UInt8.init))
  }

  /// The package hash of `architecture`, or `nil` when its link pattern or labels are not
  /// in the space's vocabulary.
  static func hash(of architecture: Architecture) -> Int? {
    guard let link = links.firstIndex(of: architecture.connections), architecture.operations.count == 4,
      architecture.operations.allSatisfy({ Int($0) < labels.count })
    else { return nil }
    return architecture.operations.reduce(link) { $0 * 10 + Int($1) }
  }

  /// - Complexity: O(1).
  public func architecture(at index: Int) -> Architecture {
    precondition(index >= 0 && index < poolSize, "pool index \(index) outside 0..<\(poolSize)")
    guard let decoded = Self.decode(Int(hashes[index])) else { preconditionFailure("pool hash \(hashes[index]) was checked at load") }
    return Architecture(operations: decoded.operations, connections: Self.links[decoded.link])
  }

  /// `invalid` unless the connections are one of the 9 link patterns and the operations 4
  /// labels below 9; then the pool index of its package hash, or `notInPool` when the
  /// dataset's table has no such row.
  ///
  /// - Complexity: O(log n).
  public func status(of architecture: Architecture) -> PoolStatus {
    guard let hash = Self.hash(of: architecture) else { return .invalid }
    return hashes.sortedIndex(of: Int32(hash)).map(PoolStatus.pool) ?? .notInPool
  }

  /// The package hash of pool index `index`, as text.
  public func key(at index: Int) -> String { String(hashes[index]) }

  /// - Complexity: O(1).
  public func randomArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture {
    architecture(at: rng.nextInt(below: poolSize))
  }

  /// Changes one node's operation (to another allowed one) or one node's input (when the
  /// new link pattern is one of the 9), uniformly among such changes whose result is in the
  /// table. An architecture without such a change mutates to a random other pool member.
  ///
  /// - Complexity: O(changes x log n), at most 41 changes.
  public func mutate(_ parent: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture {
    let own = index(of: parent)
    let candidates = changes(of: parent).filter { index(of: $0) != nil }
    if let child = candidates.stableRandomElement(using: &rng) { return child }
    var other = rng.nextInt(below: poolSize)
    while other == own && poolSize > 1 { other = rng.nextInt(below: poolSize) }
    return architecture(at: other)
  }

  /// Pool indices of every table architecture one operation or one input away, operation
  /// changes first (by node, then label), then input changes (by node, then input).
  ///
  /// - Complexity: O(changes x log n).
  public func neighbors(of architecture: Architecture) -> [Int] {
    changes(of: architecture).compactMap(index(of:))
  }

  /// Every one-step change that stays in the space's vocabulary (not necessarily in the
  /// table); all differ from `architecture` and from each other.
  private func changes(of architecture: Architecture) -> [Architecture] {
    guard Self.hash(of: architecture) != nil else { return [] }
    var result: [Architecture] = []
    for node in 0..<4 {
      for label in allowedOperations where label != architecture.operations[node] {
        var child = architecture
        child.operations[node] = label
        result.append(child)
      }
    }
    for node in 1..<4 {
      for input in UInt8(0)...UInt8(node) where input != architecture.connections[node] {
        var child = architecture
        child.connections[node] = input
        if Self.links.contains(child.connections) { result.append(child) }
      }
    }
    return result
  }
}
