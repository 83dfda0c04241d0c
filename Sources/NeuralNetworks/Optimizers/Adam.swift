/// The first and second moment buffers of Adam-style rules, `[count]` each.
public struct MomentState {
  public var first: [Float]
  public var second: [Float]

  init(count: Int) {
    first = Array(repeating: 0, count: count)
    second = Array(repeating: 0, count: count)
  }
}

/// Adam (Kingma and Ba 2015, <https://arxiv.org/abs/1412.6980>) with optional L2 weight decay
/// added to the gradient (what PyTorch's `Adam(weight_decay:)` does).
public struct Adam: OptimizerRule {
  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float
  public var weightDecay: Float

  /// Creates the rule.
  public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  public func makeState(count: Int) -> MomentState { MomentState(count: count) }

  public func update(
    _ values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>, state: inout MomentState,
    step: Int, learningRate: Float
  ) {
    let moments = MomentUpdate(beta1: beta1, beta2: beta2, epsilon: epsilon, step: step)
    for i in values.indices {
      let g = gradient[i] + weightDecay * values[i]
      values[i] -= learningRate * moments.direction(g, &state.first[i], &state.second[i])
    }
  }
}

/// AdamW: Adam with weight decay decoupled from the gradient, `w -= lr * decay * w`
/// (Loshchilov and Hutter 2019, <https://arxiv.org/abs/1711.05101>).
public struct AdamW: OptimizerRule {
  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float
  public var weightDecay: Float

  /// Creates the rule.
  public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  public func makeState(count: Int) -> MomentState { MomentState(count: count) }

  public func update(
    _ values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>, state: inout MomentState,
    step: Int, learningRate: Float
  ) {
    let moments = MomentUpdate(beta1: beta1, beta2: beta2, epsilon: epsilon, step: step)
    for i in values.indices {
      let direction = moments.direction(gradient[i], &state.first[i], &state.second[i])
      values[i] -= learningRate * (direction + weightDecay * values[i])
    }
  }
}

/// The bias-corrected moment arithmetic shared by `Adam` and `AdamW`.
private struct MomentUpdate {
  let beta1: Float
  let beta2: Float
  let epsilon: Float
  let correction1: Float
  let correction2: Float

  init(beta1: Float, beta2: Float, epsilon: Float, step: Int) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    var (power1, power2) = (Float(1), Float(1))
    for _ in 0..<step {
      power1 *= beta1
      power2 *= beta2
    }
    correction1 = 1 - power1
    correction2 = 1 - power2
  }

  /// Updates the moments with gradient `g` and returns `m̂ / (√v̂ + ε)`.
  @inline(__always)
  func direction(_ g: Float, _ first: inout Float, _ second: inout Float) -> Float {
    first = beta1 * first + (1 - beta1) * g
    second = beta2 * second + (1 - beta2) * g * g
    return (first / correction1) / ((second / correction2).squareRoot() + epsilon)
  }
}
