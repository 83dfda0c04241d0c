import Benchmarks
import Randomness

/// A small fixed-topology search space for tests: `positions` slots, each one of `operations`
/// labels, every combination valid (operations.count ^ positions architectures).
///
/// Every position is its own input-to-output path (see `graph(of:)`), so the path encoding,
/// when enabled, has one indicator per operation: whether some position uses it.
public struct TinySpace: SearchSpace {
  public let positions: Int
  public let operationCount: Int
  /// Whether the space offers the path encoding besides one-hot.
  public let hasPathEncoding: Bool
  public var name: String { "tiny-\(positions)x\(operationCount)" }
  public var poolSize: Int { Int(pow(operationCount, positions)) }
  public var operationNames: [String] { (0..<operationCount).map { "op\($0)" } }
  public var encodings: [EncodingKind] { hasPathEncoding ? [.oneHot, .path] : [.oneHot] }

  /// A space of `positions` slots with `operations` labels each; `pathEncoding` adds the path
  /// encoding.
  public init(positions: Int = 3, operations: Int = 3, pathEncoding: Bool = false) {
    self.positions = positions
    self.operationCount = operations
    self.hasPathEncoding = pathEncoding
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

  public func index(of architecture: Architecture) -> Int? {
    guard architecture.operations.count == positions, architecture.connections.isEmpty,
      architecture.operations.allSatisfy({ Int($0) < operationCount })
    else { return nil }
    return architecture.operations.reduce(0) { $0 * operationCount + Int($1) }
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

  public func graph(of architecture: Architecture) -> CellGraph {
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
