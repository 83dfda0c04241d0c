import Randomness

/// A search space of NAS-Bench-201-style cells: four nodes, six edges with one operation
/// each, a fixed topology (NAS-Bench-201, TransNAS-Bench-101 micro).
///
/// One implementation serves every such space; a conforming type supplies only its operation
/// names, its key format and its pool order (`cells`). Operation label 0 must be `none` (the
/// edge is absent) and label 1 `skip` (identity); labels 2... are real operations.
///
/// An `Architecture` holds the six labels in edge order (0->1, 0->2, 1->2, 0->3, 1->3, 2->3,
/// the order of the NAS-Bench-201 cell string) and no connections.
public protocol FixedTopologyCellSpace: SearchSpace {
  /// The operation names, indexed by label.
  static var labels: [String] { get }
  /// The benchmark's own text key (`arch_str`) of the cell with `operations` (six labels).
  static func key(of operations: [UInt8]) -> String

  /// The pool order of this space (pool index <-> operation labels).
  var cells: FixedCellIndex { get }
  /// The space with the pool order `cells` (the benchmark table fixes it; see
  /// `Benchmarks`' `init(data:)`).
  init(cells: FixedCellIndex)
}

extension FixedTopologyCellSpace {
  public var operationNames: [String] { Self.labels }
}

/// The bijection between pool indices and cells of a fixed-topology space.
///
/// A cell's *code* is its six labels read as a base-`operationCount` number (edge 0 most
/// significant); the pool index is the benchmark's own index (NAS-Bench-201's `arch_index`).
public struct FixedCellIndex: Sendable, Hashable {
  /// The six edges as (source node, target node), in the order of `Architecture.operations`.
  public static let edges: [(from: Int, to: Int)] = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]
  /// Number of operation labels (NAS-Bench-201: 5; TransNAS micro: 4).
  public let operationCount: Int
  let codes: [Int32]
  let poolIndices: [Int32]

  /// Creates the index from the code of every pool index.
  ///
  /// - Returns: `nil` unless `codes` is a permutation of `0..<operationCount^6`.
  public init?(operationCount: Int, codes: [Int32]) {
    let size = (0..<6).reduce(1) { product, _ in product * operationCount }
    guard codes.count == size else { return nil }
    var poolIndices = [Int32](repeating: -1, count: size)
    for (index, code) in codes.enumerated() {
      guard code >= 0, Int(code) < size, poolIndices[Int(code)] < 0 else { return nil }
      poolIndices[Int(code)] = Int32(index)
    }
    self.operationCount = operationCount
    self.codes = codes
    self.poolIndices = poolIndices
  }

  /// Number of cells (`operationCount^6`).
  public var count: Int { codes.count }

  /// The six labels of pool index `index`.
  ///
  /// - Precondition: `0 <= index < count`.
  public func operations(at index: Int) -> [UInt8] {
    var code = Int(codes[index])
    var labels = [UInt8](repeating: 0, count: 6)
    for edge in stride(from: 5, through: 0, by: -1) {
      labels[edge] = UInt8(code % operationCount)
      code /= operationCount
    }
    return labels
  }

  /// The pool index of six labels, or `nil` when they are not a cell of this space.
  public func poolIndex(of operations: [UInt8]) -> Int? {
    guard operations.count == 6 else { return nil }
    var code = 0
    for label in operations {
      guard Int(label) < operationCount else { return nil }
      code = code * operationCount + Int(label)
    }
    return Int(poolIndices[code])
  }

  public static func == (lhs: FixedCellIndex, rhs: FixedCellIndex) -> Bool {
    lhs.operationCount == rhs.operationCount && lhs.codes == rhs.codes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(operationCount)
    hasher.combine(codes)
  }
}

// MARK: - SearchSpace requirements

extension FixedTopologyCellSpace {
  /// Number of cells: `operationCount^6`.
  public var poolSize: Int { cells.count }

  /// - Complexity: O(1).
  public func architecture(at index: Int) -> Architecture {
    precondition(index >= 0 && index < poolSize, "pool index \(index) outside 0..<\(poolSize)")
    return Architecture(operations: cells.operations(at: index))
  }

  /// Six labels below `operationCount` and no connections make a valid cell, and every valid
  /// cell is in the pool (never `notInPool`); anything else is `invalid`.
  ///
  /// - Complexity: O(1).
  public func status(of architecture: Architecture) -> PoolStatus {
    guard architecture.connections.isEmpty, let index = cells.poolIndex(of: architecture.operations) else { return .invalid }
    return .pool(index)
  }

  /// - Complexity: O(1).
  public func key(at index: Int) -> String {
    Self.key(of: architecture(at: index).operations)
  }

  /// - Complexity: O(1).
  public func randomArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture {
    architecture(at: rng.nextInt(below: poolSize))
  }

  /// Changes the operation of one edge, uniformly among the `6 x (operationCount - 1)`
  /// changes; every change is valid and different.
  ///
  /// - Precondition: `parent` is in the space.
  /// - Complexity: O(1).
  public func mutate(_ parent: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture {
    precondition(index(of: parent) != nil, "mutate: \(parent) is not a cell of \(name)")
    let alternatives = cells.operationCount - 1
    let choice = rng.nextInt(below: 6 * alternatives)
    var child = parent
    let edge = choice / alternatives
    child.operations[edge] = UInt8((Int(parent.operations[edge]) + choice % alternatives + 1) % cells.operationCount)
    return child
  }

  /// All `6 x (operationCount - 1)` one-edge changes, by edge then by label.
  ///
  /// - Complexity: O(operationCount).
  public func neighbors(of architecture: Architecture) -> [Int] {
    guard index(of: architecture) != nil else { return [] }
    var result: [Int] = []
    for edge in 0..<6 {
      for label in 0..<cells.operationCount where label != Int(architecture.operations[edge]) {
        var neighbor = architecture.operations
        neighbor[edge] = UInt8(label)
        if let index = cells.poolIndex(of: neighbor) { result.append(index) }
      }
    }
    return result
  }
}
