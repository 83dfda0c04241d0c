import Tensor

/// Graphs padded to a common node count and stacked for batched graph layers.
///
/// With `globalNode`, every graph gains a last node with its own label (`vocabularySize`)
/// joined to every real node in both directions, as in BRP-NAS (Dudziak et al. 2020).
public struct GraphBatch {
  /// The number of graphs.
  public let graphCount: Int
  /// Nodes per graph after padding (and the global node).
  public let nodeCount: Int
  /// `[graphs, nodes, nodes]`, edges i → j at `[g, i, j]`; padding rows and columns are zero.
  public let adjacency: Tensor
  /// `[graphs, nodes, labels]` one-hot node labels (zero rows for padding).
  public let features: Tensor
  /// `[graphs, nodes, 1]`, 1 for real (and global) nodes, 0 for padding.
  public let nodeMask: Tensor
  /// Real node counts per graph, global node included.
  public let nodeCounts: [Int]
  /// The feature width: the vocabulary size, plus one for the global node label.
  public let labelCount: Int

  /// Stacks `graphs` (which must share a vocabulary size).
  public init(_ graphs: [GraphSample], globalNode: Bool = false) {
    guard let vocabulary = graphs.first?.vocabularySize else { preconditionFailure("GraphBatch: no graphs") }
    precondition(graphs.allSatisfy { $0.vocabularySize == vocabulary }, "GraphBatch: graphs disagree on the vocabulary size")
    let extra = globalNode ? 1 : 0
    let n = (graphs.map(\.nodeCount).max() ?? 0) + extra
    let labels = vocabulary + extra
    var adjacency = [Float](repeating: 0, count: graphs.count * n * n)
    var features = [Float](repeating: 0, count: graphs.count * n * labels)
    var mask = [Float](repeating: 0, count: graphs.count * n)
    for (g, graph) in graphs.enumerated() {
      let m = graph.nodeCount
      for i in 0..<m {
        for j in 0..<m { adjacency[(g * n + i) * n + j] = graph.adjacency[i * m + j] }
        features[(g * n + i) * labels + graph.nodeOperations[i]] = 1
        mask[g * n + i] = 1
      }
      if globalNode {
        let global = n - 1
        for i in 0..<m {
          adjacency[(g * n + i) * n + global] = 1
          adjacency[(g * n + global) * n + i] = 1
        }
        features[(g * n + global) * labels + vocabulary] = 1
        mask[g * n + global] = 1
      }
    }
    graphCount = graphs.count
    nodeCount = n
    labelCount = labels
    nodeCounts = graphs.map { $0.nodeCount + extra }
    self.adjacency = Tensor(shape: [graphs.count, n, n], scalars: adjacency)
    self.features = Tensor(shape: [graphs.count, n, labels], scalars: features)
    nodeMask = Tensor(shape: [graphs.count, n, 1], scalars: mask)
  }

  /// The adjacency made undirected with self-loops, `Â = D^-1/2 (A + Aᵀ + I) D^-1/2`
  /// (Kipf and Welling 2017), zero on padding; `[graphs, nodes, nodes]`.
  public func symmetricNormalizedAdjacency() -> Tensor {
    let n = nodeCount
    var values = adjacency.scalars
    let mask = nodeMask.scalars
    for g in 0..<graphCount {
      let base = g * n * n
      for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) {
          let joined = max(values[base + i * n + j], values[base + j * n + i])
          values[base + i * n + j] = joined
          values[base + j * n + i] = joined
        }
        values[base + i * n + i] = mask[g * n + i]
      }
      let degrees = (0..<n).map { i in (0..<n).reduce(Float(0)) { $0 + values[base + i * n + $1] } }
      for i in 0..<n {
        for j in 0..<n where values[base + i * n + j] != 0 {
          values[base + i * n + j] /= (degrees[i] * degrees[j]).squareRoot()
        }
      }
    }
    return Tensor(shape: adjacency.shape, scalars: values)
  }

  /// The mean of node vectors over real nodes: `[graphs, nodes, features]` to `[graphs, features]`.
  public func meanOverNodes(_ h: Tensor) -> Tensor {
    let counts = Tensor(shape: [graphCount, 1], scalars: nodeCounts.map { Float($0) })
    return (h * nodeMask).sum(alongAxes: [1]) / counts
  }
}
