import Benchmarks
import Randomness
import SearchSpaces

/// A small fixed-topology search space for tests: `positions` slots, each one of `operations`
/// labels, every combination in the pool (operations ^ positions architectures).
///
/// Every position is its own input-to-output path (see `graph(of:)`), so the path encoding,
/// when enabled, has one indicator per operation: whether some position uses it.
///
/// With `unpooledOperations > 0` the space also has labels `operations..<operations +
/// unpooledOperations`: architectures using them are valid but not in the pool (as a
/// NAS-Bench-Graph architecture without a table row), so generators can be tested on all
/// three refusals.
public struct TinySpace: SearchSpace {
  public let positions: Int
  public let operationCount: Int
  /// Whether the space offers the path encoding besides one-hot.
  public let hasPathEncoding: Bool
  /// Extra valid labels whose architectures the pool does not hold.
  public let unpooledOperations: Int
  public var name: String { "tiny-\(positions)x\(operationCount)" }
  public var poolSize: Int { Int(pow(operationCount, positions)) }
  public var operationNames: [String] { (0..<operationCount).map { "op\($0)" } }
  public var encodings: [EncodingKind] { hasPathEncoding ? [.oneHot, .path] : [.oneHot] }

  /// A space of `positions` slots with `operations` pool labels (and `unpooledOperations`
  /// valid labels outside the pool) each; `pathEncoding` adds the path encoding.
  public init(positions: Int = 3, operations: Int = 3, pathEncoding: Bool = false, unpooledOperations: Int = 0) {
    self.positions = positions
    self.operationCount = operations
    self.hasPathEncoding = pathEncoding
    self.unpooledOperations = unpooledOperations
  }

  public func architecture(at index: Int) -> Architecture {
    precondition(index >= 0 && index < poolSize, "index \(index) outside 0..<\(poolSize)")
    var rest = index
    var ops = [UInt8](repeating: 0, count: positions)
    for position in stride(from: positions - 1, through: 0, by: -1) {
      ops[position] = UInt8(rest % operationCount)
      rest /= operationCount
    }
    return Architecture(operations: ops)
  }

  /// Every combination of `positions` labels below `operationCount` is in the pool; labels
  /// up to `operationCount + unpooledOperations` are valid but not in the pool; anything else
  /// is invalid.
  public func status(of architecture: Architecture) -> PoolStatus {
    guard architecture.operations.count == positions, architecture.connections.isEmpty,
      architecture.operations.allSatisfy({ Int($0) < operationCount + unpooledOperations })
    else { return .invalid }
    guard architecture.operations.allSatisfy({ Int($0) < operationCount }) else { return .notInPool }
    return .pool(architecture.operations.reduce(0) { $0 * operationCount + Int($1) })
  }

  public func key(at index: Int) -> String { architecture(at: index).operations.map(String.init).joined() }

  public func randomArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture {
    architecture(at: rng.nextInt(below: poolSize))
  }

  public func mutate(_ parent: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture {
    var child = parent
    let position = rng.nextInt(below: positions)
    let shift = 1 + rng.nextInt(below: operationCount - 1)
    child.operations[position] = UInt8((Int(parent.operations[position]) + shift) % operationCount)
    return child
  }

  public func neighbors(of architecture: Architecture) -> [Int] {
    var result: [Int] = []
    for position in 0..<positions {
      for op in 0..<operationCount where op != Int(architecture.operations[position]) {
        var neighbor = architecture
        neighbor.operations[position] = UInt8(op)
        if let index = index(of: neighbor) { result.append(index) }
      }
    }
    return result
  }

  public func encode(_ architecture: Architecture, as kind: EncodingKind) -> [Float] {
    precondition(encodings.contains(kind), "\(name) does not provide the \(kind) encoding")
    if kind == .path {
      var paths = [Float](repeating: 0, count: operationCount)
      for op in architecture.operations { paths[Int(op)] = 1 }
      return paths
    }
    var vector = [Float](repeating: 0, count: positions * operationCount)
    for (position, op) in architecture.operations.enumerated() { vector[position * operationCount + Int(op)] = 1 }
    return vector
  }

  /// One position per slot, each over every valid label (the unpooled ones included).
  public var tokenLayout: TokenLayout {
    let values = (0..<(operationCount + unpooledOperations)).map(UInt8.init)
    let names = values.map { "op\($0)" }
    let slots = (0..<positions).map { TokenLayout.Position(name: "slot \($0)", role: .operation, values: values, valueNames: names) }
    return TokenLayout(operationPositions: slots, connectionPositions: [])
  }

  /// One drawing (input, the slots in parallel, output) for both forms.
  public var graphForms: [GraphForm] { [.brpNAS, .arch2vec] }

  public func graph(of architecture: Architecture, as form: GraphForm) -> CellGraph {
    let nodes = positions + 2
    var adjacency = [Float](repeating: 0, count: nodes * nodes)
    for position in 0..<positions {
      adjacency[0 * nodes + position + 1] = 1
      adjacency[(position + 1) * nodes + nodes - 1] = 1
    }
    let labels = [operationCount] + architecture.operations.map(Int.init) + [operationCount + 1]
    return CellGraph(nodeCount: nodes, adjacency: adjacency, nodeOperations: labels, vocabularySize: operationCount + 2)
  }
}

private func pow(_ base: Int, _ exponent: Int) -> Int {
  (0..<exponent).reduce(1) { acc, _ in acc * base }
}
