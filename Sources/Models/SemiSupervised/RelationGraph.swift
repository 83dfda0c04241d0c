internal import Foundation
import Tensor

/// The similarity graph of the semi-supervised assessor (reconstruction of Tang et al. 2020):
/// architectures as nodes, each joined to its `k` nearest neighbours in embedding space,
/// symmetrised (an edge when either end lists the other), with Gaussian-kernel weights
/// `exp(-d^2 / (2 sigma^2))` whose bandwidth `sigma` is `bandwidthScale` times the median
/// distance of all listed neighbours.
///
/// `propagation` is the renormalised adjacency of Kipf and Welling's GCN,
/// `D^-1/2 (W + I) D^-1/2` with `D` the degrees of `W + I`; `weights` is `W` alone (for the
/// optional Laplacian smoothness term). Both are sparse: 10,000 nodes with 10 neighbours hold
/// about 150,000 entries.
public struct RelationGraph: Sendable {
  /// The number of nodes.
  public let nodeCount: Int
  /// Neighbours listed per node before symmetrising.
  public let neighbours: Int
  /// The kernel bandwidth `sigma` (1 when every listed distance is 0).
  public let bandwidth: Float
  /// `W`: symmetric kernel weights, no self loops.
  public let weights: SparseMatrix
  /// Row sums of `W + I` (at least 1).
  public let degrees: [Float]
  /// `D^-1/2 (W + I) D^-1/2`.
  public let propagation: SparseMatrix

  /// The graph over `features` rows (`[nodeCount, width]`, row-major).
  public init(features: [Float], width: Int, neighbours k: Int, bandwidthScale: Float = 1) {
    precondition(bandwidthScale > 0, "RelationGraph: bandwidth scale must be positive, got \(bandwidthScale)")
    let n = features.count / width
    let listed = NearestNeighbours.search(queries: features, references: features, width: width, k: min(k, max(n - 1, 1)), excludingSelf: true)
    let perNode = listed.indices.count / max(n, 1)
    let found = listed.distances.filter(\.isFinite).sorted()
    let median = found.isEmpty ? 0 : found[found.count / 2]
    let sigma = median > 0 ? bandwidthScale * median : 1
    var rows = [[Int: Float]](repeating: [:], count: n)
    for i in 0..<n {
      for r in 0..<perNode {
        let j = listed.indices[i * perNode + r]
        guard j >= 0 else { continue }
        let d = listed.distances[i * perNode + r]
        let w = Float(exp(Double(-d * d / (2 * sigma * sigma))))
        rows[i][j] = w
        rows[j][i] = w
      }
    }
    // Sorted by column, so sums run in one order (a dictionary's order is not stable).
    let sortedRows = rows.map { $0.sorted { $0.key < $1.key } }
    var degrees = [Float](repeating: 1, count: n)
    for i in 0..<n { degrees[i] += sortedRows[i].reduce(0) { $0 + $1.value } }
    var (pointers, columns, values) = ([0], [Int](), [Float]())
    var (propagationPointers, propagationColumns, propagationValues) = ([0], [Int](), [Float]())
    for i in 0..<n {
      let entries = sortedRows[i]
      var placedSelf = false
      for (j, w) in entries {
        columns.append(j)
        values.append(w)
        if !placedSelf && j > i {
          propagationColumns.append(i)
          propagationValues.append(1 / degrees[i])
          placedSelf = true
        }
        propagationColumns.append(j)
        propagationValues.append(w / (degrees[i] * degrees[j]).squareRoot())
      }
      if !placedSelf {
        propagationColumns.append(i)
        propagationValues.append(1 / degrees[i])
      }
      pointers.append(columns.count)
      propagationPointers.append(propagationColumns.count)
    }
    self.nodeCount = n
    self.neighbours = k
    self.bandwidth = sigma
    self.weights = SparseMatrix(rowCount: n, columnCount: n, rowPointers: pointers, columnIndices: columns, values: values)
    self.degrees = degrees
    self.propagation = SparseMatrix(
      rowCount: n, columnCount: n, rowPointers: propagationPointers, columnIndices: propagationColumns, values: propagationValues)
  }

  /// The kernel weight of an edge of length `distance`.
  public func kernel(distance: Float) -> Float {
    Float(exp(Double(-distance * distance / (2 * bandwidth * bandwidth))))
  }
}
