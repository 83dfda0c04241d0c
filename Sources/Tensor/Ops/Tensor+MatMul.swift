/// Batched matrix products through the task's `Backends.current`.
extension Tensor {
  /// The matrix product `op(a) · op(b)`, batched over leading axes.
  ///
  /// - Parameters:
  ///   - a: `[batch..., m, k]` (or `[batch..., k, m]` when `transposeA`).
  ///   - b: `[batch..., k, n]` (or `[batch..., n, k]` when `transposeB`), or a matrix shared by
  ///     every batch element. A matrix `a` with batched `b` is shared likewise.
  /// - Returns: `[batch..., m, n]`. A shared right matrix with an untransposed `a` runs as one
  ///   call of `[batch * m, k] · [k, n]`, so batching graphs costs one backend call.
  public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    precondition(a.rank >= 2 && b.rank >= 2, "matmul: needs matrices, got shapes \(a.shape) and \(b.shape)")
    let batchA = Array(a.shape.dropLast(2))
    let batchB = Array(b.shape.dropLast(2))
    precondition(
      batchA.isEmpty || batchB.isEmpty || batchA == batchB,
      "matmul: batch axes \(batchA) and \(batchB) differ")
    let m = transposeA ? a.shape[a.rank - 1] : a.shape[a.rank - 2]
    let k = transposeA ? a.shape[a.rank - 2] : a.shape[a.rank - 1]
    let kb = transposeB ? b.shape[b.rank - 1] : b.shape[b.rank - 2]
    let n = transposeB ? b.shape[b.rank - 2] : b.shape[b.rank - 1]
    precondition(k == kb, "matmul: inner extents differ, \(a.shape) and \(b.shape) (transposeA \(transposeA), transposeB \(transposeB))")
    let batch = batchA.isEmpty ? batchB : batchA
    let count = batch.reduce(1, *)
    let layout = BatchLayout(
      count: count, strideA: batchA.isEmpty ? 0 : m * k, strideB: batchB.isEmpty ? 0 : k * n, strideC: m * n)
    let shape = batch + [m, n]
    let storage = allocate(shape)
    let backend = Backends.current
    let (x, y, c) = (UnsafePointer(a.pointer), UnsafePointer(b.pointer), storage.base)
    layout.run(backend, foldRows: layout.strideB == 0 && !transposeA) { i, fold in
      MatrixMultiplyProblem(
        transposeA: transposeA, transposeB: transposeB, rows: m * fold, columns: n, depth: k,
        a: x + i * layout.strideA, lda: transposeA ? m : k, b: y + i * layout.strideB,
        ldb: transposeB ? k : n, c: c + i * layout.strideC, ldc: n)
    }
    return result(shape: shape, storage: storage, inputs: [a, b]) { g in
      if a.requiresGradient {
        let ga = a.gradientPointer()
        if !transposeA {  // dA = G · op(B)ᵀ
          layout.run(backend, foldRows: layout.strideB == 0 && layout.strideA != 0) { i, fold in
            MatrixMultiplyProblem(
              transposeA: false, transposeB: !transposeB, rows: m * fold, columns: k, depth: n,
              a: g + i * layout.strideC, lda: n, b: y + i * layout.strideB, ldb: transposeB ? k : n,
              beta: 1, c: ga + i * layout.strideA, ldc: k)
          }
        } else {  // dA = op(B) · Gᵀ, stored [k, m]
          layout.run(backend, foldRows: false) { i, _ in
            MatrixMultiplyProblem(
              transposeA: transposeB, transposeB: true, rows: k, columns: m, depth: n,
              a: y + i * layout.strideB, lda: transposeB ? k : n, b: g + i * layout.strideC, ldb: n,
              beta: 1, c: ga + i * layout.strideA, ldc: m)
          }
        }
      }
      if b.requiresGradient {
        let gb = b.gradientPointer()
        // With a shared B and untransposed A, the batch folds into the inner dimension.
        let foldDepth = layout.strideB == 0 && layout.strideA != 0 && !transposeA
        if !transposeB {  // dB = op(A)ᵀ · G, [k, n]
          layout.run(backend, foldRows: foldDepth) { i, fold in
            MatrixMultiplyProblem(
              transposeA: !transposeA, transposeB: false, rows: k, columns: n, depth: m * fold,
              a: x + i * layout.strideA, lda: transposeA ? m : k, b: g + i * layout.strideC, ldb: n,
              beta: 1, c: gb + i * layout.strideB, ldc: n)
          }
        } else {  // dB = Gᵀ · op(A), [n, k]
          layout.run(backend, foldRows: foldDepth) { i, fold in
            MatrixMultiplyProblem(
              transposeA: true, transposeB: transposeA, rows: n, columns: k, depth: m * fold,
              a: g + i * layout.strideC, lda: n, b: x + i * layout.strideA, ldb: transposeA ? m : k,
              beta: 1, c: gb + i * layout.strideB, ldc: k)
          }
        }
      }
    }
  }

  /// `matmul(self, other)`.
  public func matmul(_ other: Tensor) -> Tensor { Tensor.matmul(self, other) }
}

/// Element strides between consecutive batch entries; 0 marks an operand shared by all.
private struct BatchLayout {
  let count: Int
  let strideA: Int
  let strideB: Int
  let strideC: Int

  /// Runs one problem per batch entry, or a single problem spanning the whole batch when
  /// `foldRows` (the problem maker then scales its folded dimension by the batch count).
  func run(
    _ backend: any MatrixMultiplyBackend, foldRows: Bool,
    _ problem: (_ index: Int, _ fold: Int) -> MatrixMultiplyProblem
  ) {
    if foldRows {
      backend.multiply(problem(0, count))
    } else {
      for i in 0..<count { backend.multiply(problem(i, 1)) }
    }
  }
}
