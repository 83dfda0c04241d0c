/// Standardisation over the last axis (the core of layer normalisation).
extension Tensor {
  /// `(x - mean) / sqrt(variance + epsilon)` over the last axis, as one fused op.
  ///
  /// The variance is the biased (population) one, as in Ba et al. 2016, "Layer
  /// Normalization" (<https://arxiv.org/abs/1607.06450>). Same shape as `self`.
  public func standardized(epsilon: Float = 1e-5) -> Tensor {
    // The layer-norm kernel with a unit scale and zero shift (x * 1 + 0 is exact).
    let width = shape.last ?? 1
    return layerNormalized(scale: Tensor(repeating: 1, shape: [width]), shift: Tensor(zeros: [width]), epsilon: epsilon)
  }
}
