import Randomness

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Random leaf tensors drawn from an explicit generator.
extension Tensor {
  /// Normally distributed values.
  ///
  /// Box-Muller in single precision, eight pairs at a time (`VectorMath`), both outputs of each
  /// pair used: one 64-bit draw gives two values, `r cos θ` and `r sin θ` with
  /// `r = √(-2 ln u₁)` and `θ = 2π u₂ - π` from its two 32-bit halves (31 bits each; `u₁` in (0, 1],
  /// so values are bounded by 6.55 standard deviations). Samples VAE noise and initialisations,
  /// where Double precision bought nothing but time.
  ///
  /// - Parameters:
  ///   - shape: The result shape.
  ///   - mean: The distribution mean.
  ///   - standardDeviation: Non-negative spread.
  ///   - requiresGradient: Whether the leaf takes part in `backward()`.
  ///   - rng: Supplies `(count + 1) / 2` draws, in element order.
  public convenience init(
    randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1, requiresGradient: Bool = false,
    using rng: inout some RandomNumberGenerator
  ) {
    let count = shape.reduce(1, *)
    var values = [Float](repeating: 0, count: count)
    let pairs = (count + 1) / 2
    values.withUnsafeMutableBufferPointer { buffer in
      guard let output = buffer.baseAddress else { return }
      for first in stride(from: 0, to: pairs, by: 8) {
        let lanes = Swift.min(8, pairs - first)
        var (high, low) = (SIMD8<UInt32>(repeating: 1 << 31), SIMD8<UInt32>(repeating: 1 << 31))
        for lane in 0..<lanes {
          let draw = rng.next()
          (high[lane], low[lane]) = (UInt32(truncatingIfNeeded: draw >> 32), UInt32(truncatingIfNeeded: draw))
        }
        // 31 bits of each half, as non-negative Int32 lanes for the conversion instruction.
        let u1 = (VectorMath.floats(unsafeBitCast(high &>> 1, to: SIMD8<Int32>.self)) + 1) * 0x1p-31
        let theta = VectorMath.floats(unsafeBitCast(low &>> 1, to: SIMD8<Int32>.self)) * Float(2 * Double.pi * 0x1p-31) - Float.pi
        let radius = VectorMath.positivePart(-2 * VectorMath.log(u1)).squareRoot() * standardDeviation
        let (sine, cosine) = VectorMath.sinCos(theta)
        let (even, odd) = (mean + radius * cosine, mean + radius * sine)
        for lane in 0..<lanes {
          let index = 2 * (first + lane)
          output[index] = even[lane]
          if index + 1 < count { output[index + 1] = odd[lane] }
        }
      }
    }
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
