/// Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay.
///
/// `v = momentum * v + (g + weightDecay * w)`, then `w -= lr * v` (or `lr * (g' + momentum * v)`
/// with Nesterov), as in PyTorch. State: one velocity buffer `[count]` per parameter.
public struct SGD: OptimizerRule {
  public var momentum: Float
  public var weightDecay: Float
  public var nesterov: Bool

  /// Creates the rule.
  public init(momentum: Float = 0, weightDecay: Float = 0, nesterov: Bool = false) {
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.nesterov = nesterov
  }

  public func makeState(count: Int) -> [Float] { Array(repeating: 0, count: count) }

  public func update(
    _ values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>, state velocity: inout [Float],
    step: Int, learningRate: Float
  ) {
    for i in values.indices {
      let g = gradient[i] + weightDecay * values[i]
      velocity[i] = momentum * velocity[i] + g
      values[i] -= learningRate * (nesterov ? g + momentum * velocity[i] : velocity[i])
    }
  }
}
