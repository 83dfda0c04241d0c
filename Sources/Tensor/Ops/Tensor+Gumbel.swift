import Randomness

#if canImport(Glibc)
  import Glibc
#endif

/// Differentiable sampling of categorical choices.
extension Tensor {
  /// A one-hot of the largest entry of each row (last axis) whose gradient passes through
  /// unchanged (straight-through estimator; Bengio et al. 2013, <https://arxiv.org/abs/1308.3432>).
  ///
  /// Same shape as `self`. Ties pick the first largest entry.
  public func straightThroughOneHot() -> Tensor {
    let (rows, width) = rowsAndWidth()
    let storage = TensorStorage(count: count, repeating: 0)
    let x = pointer
    for r in 0..<rows {
      var best = 0
      for j in 1..<max(width, 1) where x[r * width + j] > x[r * width + best] { best = j }
      if width > 0 { storage.base[r * width + best] = 1 }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      add(g, toGradientOf: self)
    }
  }

  /// Gumbel-softmax samples over the last axis (Jang, Gu and Poole 2017, "Categorical
  /// Reparameterization with Gumbel-Softmax", <https://arxiv.org/abs/1611.01144>).
  ///
  /// - Parameters:
  ///   - temperature: Positive; lower values give samples closer to one-hot.
  ///   - hard: Return a straight-through one-hot of the sample instead of the soft sample.
  ///   - rng: The source of the Gumbel noise.
  /// - Returns: Same shape as `self` (unnormalised logits).
  public func gumbelSoftmax(temperature: Float, hard: Bool = false, using rng: inout some RandomNumberGenerator) -> Tensor {
    precondition(temperature > 0, "gumbelSoftmax: temperature must be positive, got \(temperature)")
    var noise = [Float](repeating: 0, count: count)
    for i in noise.indices {
      var u = rng.nextUnit()
      while u <= .leastNormalMagnitude { u = rng.nextUnit() }
      noise[i] = Float(-Glibc.log(-Glibc.log(u)))
    }
    let soft = ((self + Tensor(shape: shape, scalars: noise)) * (1 / temperature)).softmax()
    return hard ? soft.straightThroughOneHot() : soft
  }
}
