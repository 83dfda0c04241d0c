/// An architecture as a directed graph with operations on nodes, for graph models.
///
/// NAS-Bench-201 and TransNAS cells (operations on edges) are converted the BRP-NAS way: the
/// input, one node per edge operation, and the output, with an edge wherever data flows.
/// NAS-Bench-101 cells are already in this form. Node 0 is the input and the last node the
/// output.
public struct CellGraph: Hashable, Sendable {
  /// Number of nodes.
  public let nodeCount: Int
  /// Row-major `[nodeCount, nodeCount]` 0/1 matrix; entry `(i, j)` is 1 when data flows i -> j.
  public let adjacency: [Float]
  /// Operation label of each node, in `0..<vocabularySize`.
  public let nodeOperations: [Int]
  /// Number of distinct node labels (input and output included).
  public let vocabularySize: Int

  /// Creates a graph.
  ///
  /// - Precondition: `adjacency.count == nodeCount * nodeCount` and
  ///   `nodeOperations.count == nodeCount`.
  public init(nodeCount: Int, adjacency: [Float], nodeOperations: [Int], vocabularySize: Int) {
    precondition(adjacency.count == nodeCount * nodeCount, "adjacency has \(adjacency.count) entries for \(nodeCount) nodes")
    precondition(nodeOperations.count == nodeCount, "\(nodeOperations.count) labels for \(nodeCount) nodes")
    self.nodeCount = nodeCount
    self.adjacency = adjacency
    self.nodeOperations = nodeOperations
    self.vocabularySize = vocabularySize
  }
}
