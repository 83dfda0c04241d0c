import Tensor

/// Exact k-nearest neighbours in Euclidean distance by brute force over blocks of query rows
/// (one matrix product per block), for the relation graphs of the semi-supervised predictors.
///
/// With 16-wide embeddings, 10,000 nodes take one 10,000 x 10,000 x 16 product and a linear scan
/// per row; nothing of size n^2 is kept (each block holds `blockRows x n` distances).
public enum NearestNeighbours {
  /// The `k` nearest reference rows of each query row, nearest first (ties: the lower
  /// reference position first).
  ///
  /// - Parameters:
  ///   - queries: `[queryCount, width]` row-major.
  ///   - references: `[referenceCount, width]` row-major.
  ///   - excludingSelf: queries are the references themselves; row `i` never lists `i`.
  /// - Returns: `indices[i * k + r]` and `distances[i * k + r]`, the `r`-th neighbour of query
  ///   `i` (fewer than `k` exist only when there are fewer references; the rest is `-1`, `inf`).
  public static func search(
    queries: [Float], references: [Float], width: Int, k: Int, excludingSelf: Bool = false
  ) -> (indices: [Int], distances: [Float]) {
    precondition(width > 0 && queries.count % width == 0 && references.count % width == 0, "NearestNeighbours: rows are not of width \(width)")
    precondition(k >= 1, "NearestNeighbours: k must be at least 1, got \(k)")
    let (queryCount, referenceCount) = (queries.count / width, references.count / width)
    var indices = [Int](repeating: -1, count: queryCount * k)
    var distances = [Float](repeating: .infinity, count: queryCount * k)
    guard queryCount > 0, referenceCount > 0 else { return (indices, distances) }
    let referenceNorms = squaredNorms(references, width: width)
    let referenceMatrix = Tensor(shape: [referenceCount, width], scalars: references)
    let blockRows = 256
    for start in stride(from: 0, to: queryCount, by: blockRows) {
      let rows = min(blockRows, queryCount - start)
      let block = Array(queries[(start * width)..<((start + rows) * width)])
      let queryNorms = squaredNorms(block, width: width)
      let products = withoutGradients {
        Tensor.matmul(Tensor(shape: [rows, width], scalars: block), referenceMatrix, transposeB: true).scalars
      }
      for row in 0..<rows {
        let query = start + row
        var bestIndex = [Int](repeating: -1, count: k)
        var bestDistance = [Float](repeating: .infinity, count: k)
        let base = row * referenceCount
        for reference in 0..<referenceCount where !(excludingSelf && reference == query) {
          let squared = max(0, queryNorms[row] + referenceNorms[reference] - 2 * products[base + reference])
          guard squared < bestDistance[k - 1] else { continue }
          var slot = k - 1
          while slot > 0 && bestDistance[slot - 1] > squared {
            bestDistance[slot] = bestDistance[slot - 1]
            bestIndex[slot] = bestIndex[slot - 1]
            slot -= 1
          }
          bestDistance[slot] = squared
          bestIndex[slot] = reference
        }
        for r in 0..<k {
          indices[query * k + r] = bestIndex[r]
          distances[query * k + r] = bestDistance[r].squareRoot()
        }
      }
    }
    return (indices, distances)
  }

  private static func squaredNorms(_ rows: [Float], width: Int) -> [Float] {
    (0..<(rows.count / width)).map { row in
      var sum: Float = 0
      for j in 0..<width { sum += rows[row * width + j] * rows[row * width + j] }
      return sum
    }
  }
}
