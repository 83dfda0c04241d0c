/// Standardisation over the last axis (the core of layer normalisation).
extension Tensor {
  /// `(x - mean) / sqrt(variance + epsilon)` over the last axis, as one fused op.
  ///
  /// The variance is the biased (population) one, as in Ba et al. 2016, "Layer
  /// Normalization" (<https://arxiv.org/abs/1607.06450>). Same shape as `self`.
  public func standardized(epsilon: Float = 1e-5) -> Tensor {
    let (rows, width) = rowsAndWidth()
    let storage = Tensor.allocate(shape)
    let inverseDeviations = TensorStorage(count: rows)
    let x = pointer
    let y = storage.base
    let n = Float(width)
    for r in 0..<rows {
      let (source, target) = (x + r * width, y + r * width)
      var total: Float = 0
      for j in 0..<width { total += source[j] }
      let mean = total / n
      var squares: Float = 0
      for j in 0..<width {
        let d = source[j] - mean
        squares += d * d
      }
      let inverse = 1 / (squares / n + epsilon).squareRoot()
      inverseDeviations.base[r] = inverse
      for j in 0..<width { target[j] = (source[j] - mean) * inverse }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      // dx = inv * (g - mean(g) - x̂ * mean(g * x̂))
      let gx = gradientPointer()
      for r in 0..<rows {
        let (xhat, gr, out) = (y + r * width, g + r * width, gx + r * width)
        var meanG: Float = 0
        var meanGX: Float = 0
        for j in 0..<width {
          meanG += gr[j]
          meanGX += gr[j] * xhat[j]
        }
        meanG /= n
        meanGX /= n
        let inverse = inverseDeviations.base[r]
        for j in 0..<width { out[j] += inverse * (gr[j] - meanG - xhat[j] * meanGX) }
      }
    }
  }
}
