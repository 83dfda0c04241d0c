/// Sparse matrix times dense features: the aggregation of a graph convolution over a large
/// sparse graph.
extension Tensor {
  /// `A x` for a CSR matrix `A` and dense `x`.
  ///
  /// Gradients flow into `x` (`Aᵀ d`, scattered row by row without forming the transpose).
  ///
  /// - Parameters:
  ///   - matrix: `[rows, columns]`.
  ///   - x: `[columns, features]`.
  /// - Returns: `[rows, features]`.
  /// - Complexity: O(stored entries x features) forward and backward.
  public static func sparseProduct(_ matrix: SparseMatrix, _ x: Tensor) -> Tensor {
    sparseProduct(matrix, values: Tensor(shape: [matrix.nonzeroCount], scalars: matrix.values), x)
  }

  /// `A x` where `A` has the structure of `matrix` and the stored values `values` (which
  /// replace `matrix.values`), so that edge weights can be learned.
  ///
  /// Row `i` of the result accumulates `values[k] * x[columnIndices[k]]` over the row's entries
  /// in column order. Gradients flow into `x` (`Aᵀ d`) and into `values`
  /// (`d[i] · x[columnIndices[k]]` for entry `k` of row `i`).
  ///
  /// - Parameters:
  ///   - matrix: The `[rows, columns]` structure.
  ///   - values: `[matrix.nonzeroCount]`, the entries in CSR order.
  ///   - x: `[columns, features]`.
  /// - Returns: `[rows, features]`.
  /// - Complexity: O(stored entries x features) forward and backward.
  public static func sparseProduct(_ matrix: SparseMatrix, values: Tensor, _ x: Tensor) -> Tensor {
    precondition(x.rank == 2, "sparseProduct: features must be [columns, features], got \(x.shape)")
    precondition(
      x.shape[0] == matrix.columnCount,
      "sparseProduct: features \(x.shape) must have \(matrix.columnCount) rows for a \(matrix.rowCount) x \(matrix.columnCount) matrix")
    precondition(
      values.count == matrix.nonzeroCount, "sparseProduct: \(values.count) values for \(matrix.nonzeroCount) stored entries")
    let (rows, width) = (matrix.rowCount, x.shape[1])
    let storage = allocate([rows, width])
    let (pointers, columns) = (matrix.rowPointers, matrix.columnIndices)
    let (input, weights, output) = (x.pointer, values.pointer, storage.base)
    pointers.withUnsafeBufferPointer { rp in
      columns.withUnsafeBufferPointer { ci in
        for i in 0..<rows {
          let row = output + i * width
          row.update(repeating: 0, count: width)
          for k in rp[i]..<rp[i + 1] {
            let weight = weights[k]
            let source = input + ci[k] * width
            for f in 0..<width { row[f] += weight * source[f] }
          }
        }
      }
    }
    return result(shape: [rows, width], storage: storage, inputs: [values, x]) { d in
      pointers.withUnsafeBufferPointer { rp in
        columns.withUnsafeBufferPointer { ci in
          if values.requiresGradient {  // d(values)[k] = d[i] · x[column k]
            let (gv, fresh) = values.gradientDestination()
            for i in 0..<rows {
              let incoming = d + i * width
              for k in rp[i]..<rp[i + 1] {
                let source = input + ci[k] * width
                let total = dotProduct(incoming, source, count: width)
                gv[k] = fresh ? total : gv[k] + total
              }
            }
          }
          guard x.requiresGradient else { return }
          // dx[column] += values[k] d[i]: a scatter over the rows, so no transpose is built.
          let (gx, fresh) = x.gradientDestination()
          if fresh { gx.update(repeating: 0, count: x.count) }
          for i in 0..<rows {
            let incoming = d + i * width
            for k in rp[i]..<rp[i + 1] {
              let weight = weights[k]
              let target = gx + ci[k] * width
              for f in 0..<width { target[f] += weight * incoming[f] }
            }
          }
        }
      }
    }
  }
}

/// `Σ a[f] b[f]` in eight lanes, then the tail (a single chain would serialise on the add
/// latency).
@inline(__always)
private func dotProduct(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
  var lanes = SIMD8<Float>()
  let whole = count / 8 * 8
  for f in stride(from: 0, to: whole, by: 8) {
    lanes += UnsafeRawPointer(a + f).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(b + f).loadUnaligned(as: SIMD8<Float>.self)
  }
  var total = lanes.sum()
  for f in whole..<count { total += a[f] * b[f] }
  return total
}
