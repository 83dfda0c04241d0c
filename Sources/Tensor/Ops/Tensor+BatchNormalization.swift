/// Batch normalisation in training mode with its learned affine map, as one op.
extension Tensor {
  /// The result and batch statistics of `batchNormalized(scale:shift:epsilon:)`.
  public struct BatchNormalization {
    /// `activation((x - mean) / sqrt(variance + epsilon) * scale + shift)`, the shape of the
    /// input.
    public let output: Tensor
    /// The mean of each column, `[features]`.
    public let mean: [Float]
    /// The biased (population) variance of each column, `[features]`.
    public let variance: [Float]
  }

  /// Normalises each column of a `[rows, features]` matrix with its batch mean and biased
  /// variance, then scales and shifts it, in one pass each way (Ioffe and Szegedy 2015,
  /// <https://arxiv.org/abs/1502.03167>).
  ///
  /// Equal in value to the composition of means, differences, square root, quotient, product
  /// and sum it replaces; gradients flow through the batch statistics.
  ///
  /// - Parameters:
  ///   - scale: `[features]`.
  ///   - shift: `[features]`.
  ///   - epsilon: Added to the variance.
  ///   - activation: Applied to every element of the output in the same pass (ReLU's
  ///     gradient masks the incoming gradient before the column sums); the statistics are
  ///     those of the input either way.
  public func batchNormalized(
    scale: Tensor, shift: Tensor, epsilon: Float = 1e-5, activation: AffineActivation = .identity
  ) -> BatchNormalization {
    precondition(rank == 2 && shape[0] > 0, "batchNormalized: needs a non-empty [rows, features] matrix, got shape \(shape)")
    let (rows, width) = (shape[0], shape[1])
    precondition(
      scale.shape == [width] && shift.shape == [width],
      "batchNormalized: scale \(scale.shape) and shift \(shift.shape) must be [\(width)] for shape \(shape)")
    let inverseRows = 1 / Float(rows)
    var mean = [Float](repeating: 0, count: width)
    var variance = [Float](repeating: 0, count: width)
    let inverse = TensorStorage(count: width)
    let normalized = TensorStorage(count: count)
    let storage = Tensor.allocate(shape)
    let (x, xhat, y, inv) = (pointer, normalized.base, storage.base, inverse.base)
    let (gamma, beta) = (scale.pointer, shift.pointer)
    mean.withUnsafeMutableBufferPointer { m in
      variance.withUnsafeMutableBufferPointer { v in
        // Row pointers keep index arithmetic (and its overflow checks) out of the inner loops,
        // which then vectorise across columns.
        guard let m = m.baseAddress, let v = v.baseAddress else { return }
        for r in 0..<rows {
          let row = x + r * width
          for j in 0..<width { m[j] += row[j] }
        }
        for j in 0..<width { m[j] *= inverseRows }
        for r in 0..<rows {
          let row = x + r * width
          for j in 0..<width {
            let d = row[j] - m[j]
            v[j] += d * d
          }
        }
        for j in 0..<width {
          v[j] *= inverseRows
          inv[j] = 1 / (v[j] + epsilon).squareRoot()
        }
        for r in 0..<rows {
          let (source, unit, target) = (x + r * width, xhat + r * width, y + r * width)
          for j in 0..<width {
            unit[j] = (source[j] - m[j]) * inv[j]
            target[j] = unit[j] * gamma[j] + beta[j]
          }
          if activation == .relu {
            for j in 0..<width { target[j] = target[j] > 0 ? target[j] : 0 }
          }
        }
      }
    }
    let output = Tensor.result(shape: shape, storage: storage, inputs: [self, scale, shift]) { [self] g in
      // Column sums of g and of g * x̂ give the shift and scale gradients and the two means of
      // dx = inv * (u - mean(u) - x̂ * mean(u * x̂)), u = g * scale. With ReLU, g is first
      // zeroed where the output is not positive.
      var masked: TensorStorage?
      if activation == .relu {
        let buffer = TensorStorage(count: rows * width)
        for i in 0..<(rows * width) { buffer.base[i] = y[i] > 0 ? g[i] : 0 }
        masked = buffer
      }
      let g: UnsafePointer<Float> = masked.map { UnsafePointer($0.base) } ?? g
      let sums = TensorStorage(count: 2 * width, repeating: 0)
      let (sumG, sumGX) = (sums.base, sums.base + width)
      for r in 0..<rows {
        let (gr, unit) = (g + r * width, xhat + r * width)
        for j in 0..<width {
          sumG[j] += gr[j]
          sumGX[j] += gr[j] * unit[j]
        }
      }
      if shift.requiresGradient {
        let gb = shift.gradientPointer()
        for j in 0..<width { gb[j] += sumG[j] }
      }
      if scale.requiresGradient {
        let gg = scale.gradientPointer()
        for j in 0..<width { gg[j] += sumGX[j] }
      }
      guard requiresGradient else {
        withExtendedLifetime(masked) {}
        return
      }
      // A fresh gradient buffer is written rather than zero-filled and added to.
      let (gx, fresh) = gradientDestination()
      for r in 0..<rows {
        let (gr, unit, out) = (g + r * width, xhat + r * width, gx + r * width)
        for j in 0..<width {
          let meanU = sumG[j] * gamma[j] * inverseRows
          let meanUX = sumGX[j] * gamma[j] * inverseRows
          let value = inv[j] * (gr[j] * gamma[j] - meanU - unit[j] * meanUX)
          out[j] = fresh ? value : out[j] + value
        }
      }
      withExtendedLifetime((normalized, inverse, storage, masked)) {}
    }
    return BatchNormalization(output: output, mean: mean, variance: variance)
  }
}
