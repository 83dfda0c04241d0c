import Randomness

/// One cell graph as the numerics see it: a DAG with labelled nodes.
///
/// NAS-Bench-201 cells give 8 nodes (input, six edge operations, output) and 7 labels;
/// NAS-Bench-101 cells give up to 7 nodes and 5 labels.
public struct GraphSample: Sendable, Hashable {
  /// The number of nodes.
  public var nodeCount: Int
  /// `[nodeCount, nodeCount]` row-major; `adjacency[i * n + j] = 1` for an edge i → j.
  public var adjacency: [Float]
  /// One label in `0..<vocabularySize` per node.
  public var nodeOperations: [Int]
  /// The number of distinct node labels.
  public var vocabularySize: Int

  /// Creates a graph, checking the sizes agree.
  public init(nodeCount: Int, adjacency: [Float], nodeOperations: [Int], vocabularySize: Int) {
    precondition(adjacency.count == nodeCount * nodeCount, "GraphSample: \(adjacency.count) adjacency entries for \(nodeCount) nodes")
    precondition(nodeOperations.count == nodeCount, "GraphSample: \(nodeOperations.count) labels for \(nodeCount) nodes")
    precondition(nodeOperations.allSatisfy { $0 >= 0 && $0 < vocabularySize }, "GraphSample: labels \(nodeOperations) outside 0..<\(vocabularySize)")
    self.nodeCount = nodeCount
    self.adjacency = adjacency
    self.nodeOperations = nodeOperations
    self.vocabularySize = vocabularySize
  }
}

// MARK: - Synthetic cells for tests and benchmarks

extension GraphSample {
  /// A random NAS-Bench-201-shaped cell: node 0 is the input (label 0), nodes 1...6 carry
  /// operations (labels 2...6), node 7 is the output (label 1), wired as the 201 cell's
  /// edge-to-node view.
  public static func randomNASBench201(using rng: inout some RandomNumberGenerator) -> GraphSample {
    // The six edges of the 4-node cell, as (from, to) cell nodes; edge e becomes graph node e + 1.
    let edges = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]
    var adjacency = [Float](repeating: 0, count: 64)
    for (e, (from, to)) in edges.enumerated() {
      if from == 0 { adjacency[0 * 8 + e + 1] = 1 }
      for (f, (_, fTo)) in edges.enumerated() where fTo == from { adjacency[(f + 1) * 8 + e + 1] = 1 }
      if to == 3 { adjacency[(e + 1) * 8 + 7] = 1 }
    }
    let operations = [0] + (0..<6).map { _ in 2 + rng.nextInt(below: 5) } + [1]
    return GraphSample(nodeCount: 8, adjacency: adjacency, nodeOperations: operations, vocabularySize: 7)
  }

  /// A random NAS-Bench-101-shaped cell: 3 to 7 nodes in topological order, input (label 0)
  /// first, output (label 1) last, each inner node fed by an earlier node and feeding a later one.
  public static func randomNASBench101(using rng: inout some RandomNumberGenerator) -> GraphSample {
    let n = 3 + rng.nextInt(below: 5)
    var adjacency = [Float](repeating: 0, count: n * n)
    for j in 1..<n { adjacency[rng.nextInt(below: j) * n + j] = 1 }
    for i in 0..<(n - 1) { adjacency[i * n + i + 1 + rng.nextInt(below: n - 1 - i)] = 1 }
    for i in 0..<n {
      for j in (i + 1)..<max(n, i + 1) where rng.nextUnit() < 0.2 { adjacency[i * n + j] = 1 }
    }
    let operations = [0] + (1..<(n - 1)).map { _ in 2 + rng.nextInt(below: 3) } + [1]
    return GraphSample(nodeCount: n, adjacency: adjacency, nodeOperations: operations, vocabularySize: 5)
  }
}
