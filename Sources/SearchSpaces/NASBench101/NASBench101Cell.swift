/// A NAS-Bench-101 cell as a small DAG: vertex labels and one outgoing-edge bitmask per
/// vertex. Vertex 0 is the input, vertex `vertexCount - 1` the output.
///
/// Labels are the `NASBench101Space` codes: 0 input, 1 conv3x3-bn-relu, 2 conv1x1-bn-relu,
/// 3 maxpool3x3, 4 output (5 marks an absent vertex in an `Architecture`, never in a cell).
struct NASBench101Cell: Hashable, Sendable {
  /// Most vertices of a cell (input and output included).
  static let maxVertices = 7
  /// Most edges of a valid cell.
  static let maxEdges = 9
  static let inputLabel: UInt8 = 0
  static let outputLabel: UInt8 = 4
  static let absentLabel: UInt8 = 5
  /// The upper-triangular pairs (i, j), i < j, of a 7x7 adjacency in row-major order: the
  /// meaning of `Architecture.connections[k]` and of bit k of the pool's adjacency masks.
  static let pairs: [(Int, Int)] = (0..<7).flatMap { i in ((i + 1)..<7).map { (i, $0) } }

  /// Vertex labels.
  var labels: [UInt8]
  /// `successors[i]` has bit j set when there is an edge i -> j (always i < j).
  var successors: [UInt8]

  var vertexCount: Int { labels.count }
  var edgeCount: Int { successors.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// Reads an architecture of the space: seven labels (present vertices first, then absent
  /// ones) and 21 connection bits; edges may only join present vertices.
  ///
  /// - Returns: `nil` when the arrays do not describe such a cell (the cell may still be
  ///   invalid: it is not pruned here).
  init?(_ architecture: Architecture) {
    let operations = architecture.operations
    guard operations.count == Self.maxVertices, architecture.connections.count == Self.pairs.count else { return nil }
    let count = operations.firstIndex(of: Self.absentLabel) ?? Self.maxVertices
    guard count >= 2, operations[count...].allSatisfy({ $0 == Self.absentLabel }),
      operations[0] == Self.inputLabel, operations[count - 1] == Self.outputLabel,
      operations[1..<(count - 1)].allSatisfy({ $0 >= 1 && $0 <= 3 })
    else { return nil }
    var successors = [UInt8](repeating: 0, count: count)
    for (k, (i, j)) in Self.pairs.enumerated() {
      switch architecture.connections[k] {
      case 0: continue
      case 1:
        guard j < count else { return nil }
        successors[i] |= 1 << UInt8(j)
      default: return nil
      }
    }
    self.labels = Array(operations[..<count])
    self.successors = successors
  }

  init(labels: [UInt8], successors: [UInt8]) {
    self.labels = labels
    self.successors = successors
  }

  /// The architecture form: labels padded with absent vertices, 21 connection bits.
  var architecture: Architecture {
    var operations = labels
    operations += [UInt8](repeating: Self.absentLabel, count: Self.maxVertices - labels.count)
    let connections = Self.pairs.map { i, j in i < labels.count && successors[i] & (1 << UInt8(j)) != 0 ? UInt8(1) : 0 }
    return Architecture(operations: operations, connections: connections)
  }

  /// The cell without the vertices that lie on no input-to-output path (the official
  /// `ModelSpec` pruning), or `nil` when the output is unreachable or the pruned cell has
  /// more than 9 edges.
  ///
  /// - Complexity: O(vertices^2).
  func pruned() -> NASBench101Cell? {
    let n = vertexCount
    var fromInput = [Bool](repeating: false, count: n)
    fromInput[0] = true
    for i in 0..<n where fromInput[i] {
      for j in (i + 1)..<max(n, i + 1) where successors[i] & (1 << UInt8(j)) != 0 { fromInput[j] = true }
    }
    guard fromInput[n - 1] else { return nil }
    var toOutput = [Bool](repeating: false, count: n)
    toOutput[n - 1] = true
    for i in stride(from: n - 2, through: 0, by: -1) {
      toOutput[i] = (0..<n).contains { j in toOutput[j] && successors[i] & (1 << UInt8(j)) != 0 }
    }
    let kept = (0..<n).filter { fromInput[$0] && toOutput[$0] }
    var newIndex = [Int](repeating: -1, count: n)
    for (position, vertex) in kept.enumerated() { newIndex[vertex] = position }
    var newSuccessors = [UInt8](repeating: 0, count: kept.count)
    for (position, vertex) in kept.enumerated() {
      for j in 0..<n where successors[vertex] & (1 << UInt8(j)) != 0 && newIndex[j] >= 0 {
        newSuccessors[position] |= 1 << UInt8(newIndex[j])
      }
    }
    let cell = NASBench101Cell(labels: kept.map { labels[$0] }, successors: newSuccessors)
    return cell.edgeCount <= Self.maxEdges ? cell : nil
  }

  /// Whether the edge i -> j exists.
  func hasEdge(_ i: Int, _ j: Int) -> Bool { successors[i] & (1 << UInt8(j)) != 0 }
}
