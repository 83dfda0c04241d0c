#if canImport(Glibc)
  import Glibc
#endif

/// An elementwise function of one argument with its derivative.
protocol UnaryElementwise {
  func value(_ x: Float) -> Float
  /// d value / d x, given the input `x` and the output `y`.
  func derivative(_ x: Float, _ y: Float) -> Float
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
  /// `log(1 + e^x)` elementwise, computed without overflow.
  public func softplus() -> Tensor { applying(Softplus()) }
  /// `x²` elementwise.
  public func squared() -> Tensor { applying(Square()) }
  /// `√x` elementwise (inputs must be non-negative).
  public func squareRoot() -> Tensor { applying(SquareRoot()) }
  /// `|x|` elementwise; the derivative at 0 is taken as 0.
  public func absoluteValue() -> Tensor { applying(AbsoluteValue()) }
}

private struct Exponential: UnaryElementwise {
  func value(_ x: Float) -> Float { expf(x) }
  func derivative(_ x: Float, _ y: Float) -> Float { y }
}

private struct Logarithm: UnaryElementwise {
  func value(_ x: Float) -> Float { logf(x) }
  func derivative(_ x: Float, _ y: Float) -> Float { 1 / x }
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

private struct Sigmoid: UnaryElementwise {
  func value(_ x: Float) -> Float { 1 / (1 + expf(-x)) }
  func derivative(_ x: Float, _ y: Float) -> Float { y * (1 - y) }
}

private struct Softplus: UnaryElementwise {
  func value(_ x: Float) -> Float { max(x, 0) + log1pf(expf(-Swift.abs(x))) }
  func derivative(_ x: Float, _ y: Float) -> Float { 1 / (1 + expf(-x)) }
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
