/// A nonlinearity that `Tensor.affine(_:weight:bias:activation:)` applies in place.
public enum AffineActivation: Sendable, Equatable {
  /// No nonlinearity.
  case identity
  /// `max(x, 0)`, as `relu()`.
  case relu
}

extension Tensor {
  /// `activation(x · weight + bias)` as one op: one result buffer and one tape node instead of
  /// a product, a broadcast sum and an activation with a buffer and a gradient buffer each.
  ///
  /// The bias is copied into the result and the product accumulated onto it (`beta` 1, like
  /// BLAS `addmm`); the activation is applied in place. The gradient masks the incoming
  /// gradient once, sums it over rows for the bias and runs the two products of `matmul`.
  ///
  /// - Parameters:
  ///   - x: `[..., k]`; leading axes fold into the rows of one matrix product.
  ///   - weight: `[k, n]`.
  ///   - bias: `[n]`, or `nil`.
  ///   - activation: Applied to every element of the sum.
  /// - Returns: `[..., n]`. Equals `(matmul(x, weight) + bias).relu()` (or without `relu`) up
  ///   to the rounding of the backend's accumulation order.
  public static func affine(
    _ x: Tensor, weight: Tensor, bias: Tensor?, activation: AffineActivation = .identity
  ) -> Tensor {
    precondition(weight.rank == 2, "affine: weight must be [k, n], got \(weight.shape)")
    let (k, n) = (weight.shape[0], weight.shape[1])
    precondition(x.rank >= 1 && x.shape[x.rank - 1] == k, "affine: input shape \(x.shape) does not end in \(k)")
    precondition(bias.map { $0.shape == [n] } ?? true, "affine: bias must be [\(n)], got \(bias?.shape ?? [])")
    let rows = x.count / max(k, 1)
    let shape = Array(x.shape.dropLast()) + [n]
    let storage = allocate(shape)
    let y = storage.base
    if let bias, rows > 0 {
      // The bias in every row, in doubling block copies (log2(rows) calls instead of one per row).
      y.update(from: bias.pointer, count: n)
      var filled = 1
      while filled < rows {
        let copied = Swift.min(filled, rows - filled)
        (y + filled * n).update(from: y, count: copied * n)
        filled += copied
      }
    }
    let backend = Backends.current
    backend.multiply(
      MatrixMultiplyProblem(
        rows: rows, columns: n, depth: k, a: x.pointer, b: weight.pointer, beta: bias == nil ? 0 : 1, c: y))
    if activation == .relu {
      for i in 0..<(rows * n) { y[i] = y[i] > 0 ? y[i] : 0 }
    }
    let inputs = [x, weight] + (bias.map { [$0] } ?? [])
    return result(shape: shape, storage: storage, inputs: inputs) { g in
      var masked: TensorStorage?
      if activation == .relu {
        let buffer = TensorStorage(count: rows * n)
        for i in 0..<(rows * n) { buffer.base[i] = y[i] > 0 ? g[i] : 0 }
        masked = buffer
      }
      let d: UnsafePointer<Float> = masked.map { UnsafePointer($0.base) } ?? g
      if let bias, bias.requiresGradient {
        let (gb, fresh) = bias.gradientDestination()
        if fresh { gb.update(repeating: 0, count: n) }
        for r in 0..<rows {
          let row = d + r * n
          for j in 0..<n { gb[j] += row[j] }
        }
      }
      if x.requiresGradient {  // dx = D · Wᵀ
        let (gx, fresh) = x.gradientDestination()
        backend.multiply(
          MatrixMultiplyProblem(
            transposeB: true, rows: rows, columns: k, depth: n, a: d, b: weight.pointer, beta: fresh ? 0 : 1, c: gx))
      }
      if weight.requiresGradient {  // dW = xᵀ · D
        let (gw, fresh) = weight.gradientDestination()
        backend.multiply(
          MatrixMultiplyProblem(
            transposeA: true, rows: k, columns: n, depth: rows, a: x.pointer, b: d, beta: fresh ? 0 : 1, c: gw))
      }
      withExtendedLifetime(masked) {}
    }
  }
}
