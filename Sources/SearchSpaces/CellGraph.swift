/// An architecture as a directed graph with operations on nodes, for graph models.
///
/// How a space draws its architectures is a `GraphForm` (`SearchSpace.graph(of:as:)`). Node 0
/// is the input and the last node the output.
public struct CellGraph: Hashable, Sendable {
  /// Number of nodes.
  public let nodeCount: Int
  /// Row-major `[nodeCount, nodeCount]` 0/1 matrix; entry `(i, j)` is 1 when data flows i -> j.
  public let adjacency: [Float]
  /// Operation label of each node, in `0..<vocabularySize`, or `paddingLabel` for a padding
  /// node (arch2vec form of a small NAS-Bench-101 cell: no type, no edge).
  public let nodeOperations: [Int]
  /// Number of distinct node labels (input and output included).
  public let vocabularySize: Int

  /// The label of a padding node: its one-hot row is all zeros.
  public static let paddingLabel = -1

  /// Creates a graph.
  ///
  /// - Precondition: `adjacency.count == nodeCount * nodeCount` and
  ///   `nodeOperations.count == nodeCount`.
  public init(nodeCount: Int, adjacency: [Float], nodeOperations: [Int], vocabularySize: Int) {
    precondition(adjacency.count == nodeCount * nodeCount, "adjacency has \(adjacency.count) entries for \(nodeCount) nodes")
    precondition(nodeOperations.count == nodeCount, "\(nodeOperations.count) labels for \(nodeCount) nodes")
    precondition(
      nodeOperations.allSatisfy { $0 == Self.paddingLabel || ($0 >= 0 && $0 < vocabularySize) },
      "node labels \(nodeOperations) outside 0..<\(vocabularySize)")
    self.nodeCount = nodeCount
    self.adjacency = adjacency
    self.nodeOperations = nodeOperations
    self.vocabularySize = vocabularySize
  }
}
