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
    // The column means and inverse deviations, kept for the backward pass, which recomputes
    // x̂ = (x - mean) * inverse from the input rather than storing it (one buffer and one
    // store stream fewer; the same arithmetic, so the same bits).
    let statistics = TensorStorage(count: 2 * width)
    let storage = Tensor.allocate(shape)
    let (x, y, inv, columnMean) = (pointer, storage.base, statistics.base, UnsafePointer(statistics.base + width))
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
        (inv + width).update(from: m, count: width)
        for r in 0..<rows {
          let (source, target) = (x + r * width, y + r * width)
          if activation == .relu {
            for j in 0..<width { target[j] = Swift.max((source[j] - m[j]) * inv[j] * gamma[j] + beta[j], 0) }
          } else {
            for j in 0..<width { target[j] = (source[j] - m[j]) * inv[j] * gamma[j] + beta[j] }
          }
        }
      }
    }
    let output = Tensor.result(shape: shape, storage: storage, inputs: [self, scale, shift]) { [self] g in
      // Column sums of g and of g * x̂ give the shift and scale gradients and the two means of
      // dx = inv * (u - mean(u) - x̂ * mean(u * x̂)), u = g * scale. With ReLU, g counts only
      // where the output is positive (the mask is read from the output in both passes).
      let relu = activation == .relu
      let sums = TensorStorage(count: 2 * width, repeating: 0)
      let (sumG, sumGX) = (sums.base, sums.base + width)
      for r in 0..<rows {
        let (gr, source, out) = (g + r * width, x + r * width, UnsafePointer(y + r * width))
        if relu {
          for j in 0..<width {
            let d = out[j] > 0 ? gr[j] : 0
            sumG[j] += d
            sumGX[j] += d * ((source[j] - columnMean[j]) * inv[j])
          }
        } else {
          for j in 0..<width {
            sumG[j] += gr[j]
            sumGX[j] += gr[j] * ((source[j] - columnMean[j]) * inv[j])
          }
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
      guard requiresGradient else { return }
      // Per column: dx = inv * gamma * d - inv * (meanU + x̂ * meanUX), with the column terms
      // computed once. A fresh gradient buffer is written rather than zero-filled and added to.
      let terms = TensorStorage(count: 3 * width)
      let (slope, offset, tilt) = (terms.base, terms.base + width, terms.base + 2 * width)
      for j in 0..<width {
        slope[j] = inv[j] * gamma[j]
        offset[j] = inv[j] * sumG[j] * gamma[j] * inverseRows
        tilt[j] = inv[j] * sumGX[j] * gamma[j] * inverseRows
      }
      let (gx, fresh) = gradientDestination()
      for r in 0..<rows {
        let (gr, source, out, target) = (g + r * width, x + r * width, UnsafePointer(y + r * width), gx + r * width)
        switch (relu, fresh) {
        case (true, true):
          for j in 0..<width {
            target[j] = slope[j] * (out[j] > 0 ? gr[j] : 0) - offset[j] - (source[j] - columnMean[j]) * inv[j] * tilt[j]
          }
        case (true, false):
          for j in 0..<width {
            target[j] += slope[j] * (out[j] > 0 ? gr[j] : 0) - offset[j] - (source[j] - columnMean[j]) * inv[j] * tilt[j]
          }
        case (false, true):
          for j in 0..<width { target[j] = slope[j] * gr[j] - offset[j] - (source[j] - columnMean[j]) * inv[j] * tilt[j] }
        case (false, false):
          for j in 0..<width { target[j] += slope[j] * gr[j] - offset[j] - (source[j] - columnMean[j]) * inv[j] * tilt[j] }
        }
      }
      withExtendedLifetime((statistics, storage, terms)) {}
    }
    return BatchNormalization(output: output, mean: mean, variance: variance)
  }
}
