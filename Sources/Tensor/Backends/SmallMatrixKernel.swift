/// Direct loops for products whose left operand is tiny, such as one graph's `[9, 9]`
/// adjacency times its `[9, 600]` node features.
///
/// A batch of graphs gives one such product per graph; through a BLAS each is a separate call
/// whose fixed cost (argument checks, packing, kernel dispatch) exceeds its arithmetic. Here
/// each row of `C` is built from rows of `op(B)` scaled by entries of `op(A)`, skipping zero
/// entries (adjacencies are sparse), or from dot products when `B` is transposed.
enum SmallMatrixKernel {
  /// The largest `rows * depth` (elements of `op(A)`) sent here instead of the backend.
  static let maximumLeftElements = 256

  /// Whether `problem` is small enough for this kernel.
  static func accepts(_ problem: MatrixMultiplyProblem) -> Bool {
    problem.rows * problem.depth <= maximumLeftElements
  }

  /// Computes `C = alpha op(A) op(B) + beta C` like a backend.
  ///
  /// Zero entries of `op(A)` are skipped, so a non-finite value in `B` facing a zero of `A`
  /// does not reach `C` (a BLAS would propagate it).
  static func multiply(_ p: MatrixMultiplyProblem) {
    let (rows, columns, depth) = (p.rows, p.columns, p.depth)
    for i in 0..<rows {
      let c = p.c + i * p.ldc
      if p.beta == 0 {
        c.update(repeating: 0, count: columns)
      } else if p.beta != 1 {
        for j in 0..<columns { c[j] *= p.beta }
      }
      if !p.transposeB {
        for q in 0..<depth {
          let a = p.alpha * (p.transposeA ? p.a[q * p.lda + i] : p.a[i * p.lda + q])
          if a == 0 { continue }
          let b = p.b + q * p.ldb
          for j in 0..<columns { c[j] += a * b[j] }
        }
      } else {
        for j in 0..<columns {
          let b = p.b + j * p.ldb
          var total: Float = 0
          for q in 0..<depth { total += (p.transposeA ? p.a[q * p.lda + i] : p.a[i * p.lda + q]) * b[q] }
          c[j] += p.alpha * total
        }
      }
    }
  }
}
