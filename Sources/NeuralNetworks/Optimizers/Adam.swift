#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
  import _Builtin_intrinsics.intel
#endif

/// The first and second moment buffers of Adam-style rules, `[count]` each, with the powers
/// of the decay rates that the bias corrections need.
public struct MomentState {
  public var first: [Float]
  public var second: [Float]
  /// `beta1^poweredStep` and `beta2^poweredStep`, advanced by repeated multiplication (the
  /// same products a loop from step 0 would form, so the corrections are bit-identical to it).
  var powers: (Float, Float) = (1, 1)
  var poweredStep = 0

  init(count: Int) {
    first = Array(repeating: 0, count: count)
    second = Array(repeating: 0, count: count)
  }

  /// Advances the powers to `step` and returns them.
  mutating func powers(atStep step: Int, beta1: Float, beta2: Float) -> (Float, Float) {
    if step < poweredStep { (powers, poweredStep) = ((1, 1), 0) }
    while poweredStep < step {
      powers.0 *= beta1
      powers.1 *= beta2
      poweredStep += 1
    }
    return powers
  }
}

/// Adam (Kingma and Ba 2015, <https://arxiv.org/abs/1412.6980>), and AdamW with
/// `weightDecay: .decoupled(λ)` (Loshchilov and Hutter 2019, <https://arxiv.org/abs/1711.05101>).
///
/// State: first and second moment buffers, `[count]` each.
public struct Adam: OptimizerRule {
  /// How weight decay enters the update.
  public enum WeightDecay: Sendable, Equatable {
    /// `λ w` is added to the gradient (L2 regularisation; PyTorch's `Adam(weight_decay:)`).
    case coupled(Float)
    /// `w -= lr λ w` beside the Adam step (AdamW).
    case decoupled(Float)
  }

  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float
  public var weightDecay: WeightDecay

  /// Creates the rule.
  public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: WeightDecay = .coupled(0)) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  /// AdamW: Adam with decoupled weight decay `λ`.
  public static func adamW(weightDecay: Float = 0.01, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) -> Adam {
    Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: .decoupled(weightDecay))
  }

  public func makeState(count: Int) -> MomentState { MomentState(count: count) }

  public func update(
    _ values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>, state: inout MomentState,
    step: Int, learningRate: Float
  ) {
    let moments = MomentUpdate(beta1: beta1, beta2: beta2, epsilon: epsilon, powers: state.powers(atStep: step, beta1: beta1, beta2: beta2))
    let (coupled, decoupled): (Float, Float)
    switch weightDecay {
    case .coupled(let lambda): (coupled, decoupled) = (lambda, 0)
    case .decoupled(let lambda): (coupled, decoupled) = (0, lambda)
    }
    state.first.withUnsafeMutableBufferPointer { first in
      state.second.withUnsafeMutableBufferPointer { second in
        guard let v = values.baseAddress, let g = gradient.baseAddress, let m = first.baseAddress,
          let s = second.baseAddress
        else { return }
        let vectors = values.count / 8
        let rate = SIMD8(repeating: learningRate)
        for block in 0..<vectors {
          let i = block * 8
          let value = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Float>.self)
          let grad = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self) + coupled * value
          var m8 = UnsafeRawPointer(m + i).loadUnaligned(as: SIMD8<Float>.self)
          var s8 = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD8<Float>.self)
          let direction = moments.direction(grad, &m8, &s8)
          UnsafeMutableRawPointer(m + i).storeBytes(of: m8, as: SIMD8<Float>.self)
          UnsafeMutableRawPointer(s + i).storeBytes(of: s8, as: SIMD8<Float>.self)
          UnsafeMutableRawPointer(v + i).storeBytes(of: value - rate * (direction + decoupled * value), as: SIMD8<Float>.self)
        }
        for i in (vectors * 8)..<values.count {
          let grad = g[i] + coupled * v[i]
          let direction = moments.direction(grad, &m[i], &s[i])
          v[i] -= learningRate * (direction + decoupled * v[i])
        }
      }
    }
  }
}

/// The bias-corrected moment arithmetic of `Adam`.
private struct MomentUpdate {
  let beta1: Float
  let beta2: Float
  let epsilon: Float
  let correction1: Float
  let correction2: Float

  /// `powers`: `beta1` and `beta2` raised to the step number.
  init(beta1: Float, beta2: Float, epsilon: Float, powers: (Float, Float)) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    correction1 = 1 - powers.0
    correction2 = 1 - powers.1
  }

  /// Updates the moments with gradient `g` and returns `m̂ / (√v̂ + ε)`.
  @inline(__always)
  func direction(_ g: Float, _ first: inout Float, _ second: inout Float) -> Float {
    first = beta1 * first + (1 - beta1) * g
    second = beta2 * second + (1 - beta2) * g * g
    return (first / correction1) / ((second / correction2).squareRoot() + epsilon)
  }

  /// `direction` on eight lanes at once, with the same arithmetic per lane.
  @inline(__always)
  func direction(_ g: SIMD8<Float>, _ first: inout SIMD8<Float>, _ second: inout SIMD8<Float>) -> SIMD8<Float> {
    first = beta1 * first + (1 - beta1) * g
    second = beta2 * second + (1 - beta2) * g * g
    return (first / correction1) / (squareRoot(second / correction2) + epsilon)
  }
}

/// The lanewise square root as one vector instruction where available.
///
/// On Linux `SIMD8<Float>.squareRoot()` compiles to eight scalar `sqrtf` calls with an errno
/// check each (about half of Adam's time). `vsqrtps` is correctly rounded like `sqrtf`, so the
/// values are bit-identical.
@inline(__always)
private func squareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
  #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
    return _mm256_sqrt_ps(x)
  #else
    return x.squareRoot()
  #endif
}
