/// Layer normalisation with its learned affine map, as one op.
extension Tensor {
  /// `standardized(epsilon:) * scale + shift` over the last axis, in one pass each way.
  ///
  /// Equal in value to the three-op composition; the fused form keeps one result buffer and
  /// one backward pass instead of three (Ba et al. 2016, <https://arxiv.org/abs/1607.06450>).
  ///
  /// - Parameters:
  ///   - scale: `[width]`, the last extent of `self`.
  ///   - shift: `[width]`.
  ///   - epsilon: Added to the (biased) variance.
  /// - Returns: The shape of `self`.
  public func layerNormalized(scale: Tensor, shift: Tensor, epsilon: Float = 1e-5) -> Tensor {
    let (rows, width) = rowsAndWidth()
    precondition(
      scale.shape == [width] && shift.shape == [width],
      "layerNormalized: scale \(scale.shape) and shift \(shift.shape) must be [\(width)] for shape \(shape)")
    let storage = Tensor.allocate(shape)
    let normalized = TensorStorage(count: count)
    let inverseDeviations = TensorStorage(count: rows)
    let (x, xhat, y) = (pointer, normalized.base, storage.base)
    let (gamma, beta) = (scale.pointer, shift.pointer)
    let n = Float(width)
    for r in 0..<rows {
      let (source, unit, target) = (x + r * width, xhat + r * width, y + r * width)
      let mean = RowReductions.sum(source, count: width) / n
      let squares = RowReductions.squaredDeviations(source, from: mean, count: width)
      let inverse = 1 / (squares / n + epsilon).squareRoot()
      inverseDeviations.base[r] = inverse
      for j in 0..<width {
        unit[j] = (source[j] - mean) * inverse
        target[j] = unit[j] * gamma[j] + beta[j]
      }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self, scale, shift]) { [self] g in
      if shift.requiresGradient {
        let gb = shift.gradientPointer()
        for r in 0..<rows {
          let gr = g + r * width
          for j in 0..<width { gb[j] += gr[j] }
        }
      }
      if scale.requiresGradient {
        let gg = scale.gradientPointer()
        for r in 0..<rows {
          let (gr, unit) = (g + r * width, xhat + r * width)
          for j in 0..<width { gg[j] += gr[j] * unit[j] }
        }
      }
      guard requiresGradient else { return }
      // With u = g * scale: dx = inv * (u - mean(u) - x̂ * mean(u * x̂)).
      let gx = gradientPointer()
      for r in 0..<rows {
        let (unit, gr, out) = (xhat + r * width, g + r * width, gx + r * width)
        var (meanU, meanUX) = RowReductions.productSums(gr, gamma, unit, count: width)
        meanU /= n
        meanUX /= n
        let inverse = inverseDeviations.base[r]
        for j in 0..<width { out[j] += inverse * (gr[j] * gamma[j] - meanU - unit[j] * meanUX) }
      }
      withExtendedLifetime(normalized) {}
    }
  }
}
