import Tensor

/// How one parameter is updated from its gradient: a pure rule with per-parameter state.
///
/// The single generic driver `Optimizer` owns the states, the step count and the learning
/// rate schedule, so a rule is only the arithmetic (like MLX's `applySingle`).
public protocol OptimizerRule {
  /// Per-parameter memory such as momentum buffers.
  associatedtype State
  /// The state for a parameter with `count` elements, before its first update.
  func makeState(count: Int) -> State
  /// Updates `values` in place from `gradient` (same length).
  ///
  /// - Parameters:
  ///   - step: 1 for the first update.
  ///   - learningRate: The scheduled rate for this step.
  func update(
    _ values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>, state: inout State,
    step: Int, learningRate: Float)
}

/// Applies an `OptimizerRule` to parameters after `backward()`.
///
/// Usage: `loss.backward(); optimizer.step(model.parameters)`. `step` updates every
/// parameter that received a gradient, then clears all their gradients.
public final class Optimizer<Rule: OptimizerRule> {
  /// The update rule (its hyperparameters may be changed between steps).
  public var rule: Rule
  /// The learning rate as a function of the step.
  public let schedule: any LearningRateSchedule
  /// The number of completed steps.
  public private(set) var stepCount = 0
  private var states: [ObjectIdentifier: (parameter: Parameter, state: Rule.State)] = [:]

  /// Creates a driver with a schedule.
  public init(_ rule: Rule, schedule: any LearningRateSchedule) {
    self.rule = rule
    self.schedule = schedule
  }

  /// Creates a driver with a constant learning rate.
  public convenience init(_ rule: Rule, learningRate: Float) {
    self.init(rule, schedule: ConstantSchedule(learningRate))
  }

  /// The learning rate the next step will use.
  public var nextLearningRate: Float { schedule.learningRate(atStep: stepCount + 1) }

  /// Updates each parameter that has a gradient, then clears the gradients.
  public func step(_ parameters: [Parameter]) {
    stepCount += 1
    let rate = schedule.learningRate(atStep: stepCount)
    for parameter in parameters {
      guard let gradient = parameter.value.gradient else { continue }
      let key = ObjectIdentifier(parameter)
      // Taking the state out of the dictionary keeps its buffers uniquely referenced, so the
      // in-place update below does not copy them.
      var state = states.removeValue(forKey: key)?.state ?? rule.makeState(count: parameter.value.count)
      gradient.withUnsafeBufferPointer { g in
        parameter.value.withUnsafeMutableBufferPointer { values in
          rule.update(values, gradient: g, state: &state, step: stepCount, learningRate: rate)
        }
      }
      // Keeping the parameter alive keeps its ObjectIdentifier from being reused.
      states[key] = (parameter, state)
      parameter.value.zeroGradient()
    }
  }
}

/// Gradient clipping by global norm (Pascanu et al. 2013, <https://arxiv.org/abs/1211.5063>).
public enum GradientClipping {
  /// Scales all gradients so that their global L2 norm is at most `maximumNorm`.
  ///
  /// Call between `backward()` and `optimizer.step(_:)`.
  /// - Returns: The norm before clipping.
  @discardableResult
  public static func clip(_ parameters: [Parameter], maximumNorm: Float) -> Float {
    precondition(maximumNorm > 0, "GradientClipping: maximum norm must be positive, got \(maximumNorm)")
    let gradients = parameters.compactMap { $0.value.gradient }
    var squares: Double = 0
    for g in gradients { g.withUnsafeBufferPointer { squares += sumOfSquares($0) } }
    let norm = Float(squares.squareRoot())
    guard norm > maximumNorm else { return norm }
    let scale = maximumNorm / norm
    for g in gradients { g.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] *= scale } } }
    return norm
  }

  /// `Σ x²` with eight Float lanes over blocks of 512 elements, each block's sum added in
  /// Double: vectorised, unlike a scalar Double chain, and still accurate for the norm.
  private static func sumOfSquares(_ values: UnsafeBufferPointer<Float>) -> Double {
    guard let base = values.baseAddress else { return 0 }
    var total: Double = 0
    var start = 0
    while start < values.count {
      let end = min(start + 512, values.count)
      let whole = start + (end - start) / 8 * 8
      var lanes = SIMD8<Float>()
      for i in stride(from: start, to: whole, by: 8) {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Float>.self)
        lanes += x * x
      }
      var block = lanes.sum()
      for i in whole..<end { block += base[i] * base[i] }
      total += Double(block)
      start = end
    }
    return total
  }
}
