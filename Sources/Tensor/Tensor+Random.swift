import Randomness

/// Random leaf tensors drawn from an explicit generator.
extension Tensor {
  /// Normally distributed values.
  ///
  /// - Parameters:
  ///   - shape: The result shape.
  ///   - mean: The distribution mean.
  ///   - standardDeviation: Non-negative spread.
  ///   - requiresGradient: Whether the leaf takes part in `backward()`.
  ///   - rng: The source of randomness.
  public convenience init(
    randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1, requiresGradient: Bool = false,
    using rng: inout some RandomNumberGenerator
  ) {
    let count = shape.reduce(1, *)
    let values = (0..<count).map { _ in mean + standardDeviation * Float(rng.nextNormal()) }
    self.init(shape: shape, scalars: values, requiresGradient: requiresGradient)
  }

  /// Uniformly distributed values in `range` (upper bound excluded).
  public convenience init(
    randomUniform shape: [Int], in range: Range<Float> = 0..<1, requiresGradient: Bool = false,
    using rng: inout some RandomNumberGenerator
  ) {
    let count = shape.reduce(1, *)
    let width = Double(range.upperBound - range.lowerBound)
    let values = (0..<count).map { _ in range.lowerBound + Float(rng.nextUnit() * width) }
    self.init(shape: shape, scalars: values, requiresGradient: requiresGradient)
  }
}
