#if canImport(Glibc)
  import Glibc
#endif

/// An elementwise function of one argument with its derivative.
protocol UnaryElementwise {
  func value(_ x: Float) -> Float
  /// d value / d x, given the input `x` and the output `y`.
  func derivative(_ x: Float, _ y: Float) -> Float
}

/// An elementwise function whose value and derivative are computed eight lanes at a time
/// (with `VectorMath`); every element, the tail included, goes through the lane form, so a
/// tensor's values do not depend on where an element sits.
protocol VectorizedUnaryElementwise: UnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes
}

extension VectorizedUnaryElementwise {
  func value(_ x: Float) -> Float { values(VectorMath.Lanes(repeating: x))[0] }
  func derivative(_ x: Float, _ y: Float) -> Float {
    derivatives(VectorMath.Lanes(repeating: x), VectorMath.Lanes(repeating: y))[0]
  }
}

extension Tensor {
  /// Applies `function` to every element; the result has the same shape.
  func applying<F: UnaryElementwise>(_ function: F) -> Tensor {
    let storage = Tensor.allocate(shape)
    let x = pointer
    let y = storage.base
    for i in 0..<count { y[i] = function.value(x[i]) }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      let (gx, fresh) = gradientDestination()
      if fresh {
        for i in 0..<count { gx[i] = g[i] * function.derivative(x[i], y[i]) }
      } else {
        for i in 0..<count { gx[i] += g[i] * function.derivative(x[i], y[i]) }
      }
    }
  }

  /// Applies `function` eight elements at a time; the result has the same shape.
  func applying<F: VectorizedUnaryElementwise>(_ function: F) -> Tensor {
    typealias Lanes = VectorMath.Lanes
    let width = Lanes.scalarCount
    let storage = Tensor.allocate(shape)
    let (x, y, count) = (pointer, storage.base, count)
    for i in stride(from: 0, to: count, by: width) {
      let lanes = Swift.min(width, count - i)
      VectorMath.store(function.values(VectorMath.load(x + i, count: lanes)), to: y + i, count: lanes)
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      let (gx, fresh) = gradientDestination()
      for i in stride(from: 0, to: count, by: width) {
        let lanes = Swift.min(width, count - i)
        let slope = function.derivatives(VectorMath.load(x + i, count: lanes), VectorMath.load(y + i, count: lanes))
        var update = VectorMath.load(g + i, count: lanes) * slope
        if !fresh { update += VectorMath.load(gx + i, count: lanes) }
        VectorMath.store(update, to: gx + i, count: lanes)
      }
    }
  }

  /// `e^x` elementwise.
  public func exp() -> Tensor { applying(Exponential()) }
  /// Natural logarithm elementwise (inputs must be positive).
  public func log() -> Tensor { applying(Logarithm()) }
  /// `max(x, 0)` elementwise.
  public func relu() -> Tensor { applying(LeakyReLU(slope: 0)) }
  /// `x` for positive `x`, `slope * x` otherwise.
  public func leakyReLU(slope: Float = 0.01) -> Tensor { applying(LeakyReLU(slope: slope)) }
  /// The Gaussian error linear unit `x * Φ(x)` (exact, with `erf`).
  public func gelu() -> Tensor { applying(GELU()) }
  /// Hyperbolic tangent elementwise.
  public func tanh() -> Tensor { applying(HyperbolicTangent()) }
  /// The logistic function `1 / (1 + e^-x)` elementwise.
  public func sigmoid() -> Tensor { applying(Sigmoid()) }
  /// The exponential linear unit (Clevert et al. 2016): `x` for positive `x`, `e^x - 1`
  /// otherwise.
  public func elu() -> Tensor { applying(ExponentialLinear()) }
  /// The sigmoid-weighted linear unit `x * sigmoid(x)` (SiLU, "swish").
  public func silu() -> Tensor { applying(SigmoidLinear()) }
  /// `log(1 + e^x)` elementwise, computed without overflow.
  public func softplus() -> Tensor { applying(Softplus()) }
  /// `x²` elementwise.
  public func squared() -> Tensor { applying(Square()) }
  /// `√x` elementwise (inputs must be non-negative).
  public func squareRoot() -> Tensor { applying(SquareRoot()) }
  /// `|x|` elementwise; the derivative at 0 is taken as 0.
  public func absoluteValue() -> Tensor { applying(AbsoluteValue()) }
}

private struct Exponential: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes { VectorMath.exp(x) }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes { y }
}

private struct Logarithm: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes { VectorMath.log(x) }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes { 1 / x }
}

private struct LeakyReLU: UnaryElementwise {
  let slope: Float
  func value(_ x: Float) -> Float { x > 0 ? x : slope * x }
  func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : slope }
}

private struct GELU: UnaryElementwise {
  func value(_ x: Float) -> Float { 0.5 * x * (1 + erff(x * 0.707_106_77)) }
  func derivative(_ x: Float, _ y: Float) -> Float {
    0.5 * (1 + erff(x * 0.707_106_77)) + x * 0.398_942_28 * expf(-0.5 * x * x)
  }
}

private struct HyperbolicTangent: UnaryElementwise {
  func value(_ x: Float) -> Float { tanhf(x) }
  func derivative(_ x: Float, _ y: Float) -> Float { 1 - y * y }
}

private struct Sigmoid: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes { 1 / (1 + VectorMath.exp(-x)) }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes { y * (1 - y) }
}

/// `max(x, 0) + e^min(x, 0) - 1`, with the derivative `e^min(x, 0)`. `e^x - 1` loses
/// relative precision as x approaches 0 from below (an absolute error of about 6e-8), which
/// the vectorised form accepts in exchange for eight lanes at a time.
private struct ExponentialLinear: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes {
    VectorMath.positivePart(x) + VectorMath.exp(-VectorMath.positivePart(-x)) - 1
  }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes { VectorMath.exp(-VectorMath.positivePart(-x)) }
}

private struct SigmoidLinear: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes { x / (1 + VectorMath.exp(-x)) }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes {
    let s = 1 / (1 + VectorMath.exp(-x))
    return s * (1 + x * (1 - s))
  }
}

/// `max(x, 0) + log(1 + e^-|x|)`. With `u = e^-|x|` in (0, 1], `log(1 + u)` is taken as the
/// logarithm of the rounded sum; for tiny `u` that loses `u`'s low bits, an absolute error
/// below 6e-8 next to a value of at least `u`.
private struct Softplus: VectorizedUnaryElementwise {
  func values(_ x: VectorMath.Lanes) -> VectorMath.Lanes {
    VectorMath.positivePart(x) + VectorMath.log(1 + VectorMath.exp(-VectorMath.magnitude(x)))
  }
  func derivatives(_ x: VectorMath.Lanes, _ y: VectorMath.Lanes) -> VectorMath.Lanes { Sigmoid().values(x) }
}

private struct Square: UnaryElementwise {
  func value(_ x: Float) -> Float { x * x }
  func derivative(_ x: Float, _ y: Float) -> Float { 2 * x }
}

private struct SquareRoot: UnaryElementwise {
  func value(_ x: Float) -> Float { x.squareRoot() }
  func derivative(_ x: Float, _ y: Float) -> Float { 0.5 / y }
}

private struct AbsoluteValue: UnaryElementwise {
  func value(_ x: Float) -> Float { Swift.abs(x) }
  func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
