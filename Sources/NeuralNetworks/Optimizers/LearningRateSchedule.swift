#if canImport(Glibc)
  import Glibc
#endif

/// A learning rate as a function of the optimizer step (1 for the first update).
public protocol LearningRateSchedule {
  /// The rate for `step` (1-based).
  func learningRate(atStep step: Int) -> Float
}

/// The same rate at every step.
public struct ConstantSchedule: LearningRateSchedule {
  public let rate: Float

  /// Creates a constant schedule.
  public init(_ rate: Float) { self.rate = rate }

  public func learningRate(atStep step: Int) -> Float { rate }
}

/// Linear warm-up from `base / warmupSteps` to `base`, then cosine decay to `minimum` at
/// `totalSteps` (Loshchilov and Hutter 2017, SGDR, without restarts), `minimum` afterwards.
public struct CosineSchedule: LearningRateSchedule {
  public let base: Float
  public let minimum: Float
  public let totalSteps: Int
  public let warmupSteps: Int

  /// Creates a cosine schedule.
  public init(base: Float, totalSteps: Int, warmupSteps: Int = 0, minimum: Float = 0) {
    precondition(
      totalSteps > warmupSteps && warmupSteps >= 0,
      "CosineSchedule: total steps \(totalSteps) must exceed warm-up steps \(warmupSteps)")
    self.base = base
    self.minimum = minimum
    self.totalSteps = totalSteps
    self.warmupSteps = warmupSteps
  }

  public func learningRate(atStep step: Int) -> Float {
    if step <= warmupSteps { return base * Float(step) / Float(warmupSteps) }
    let progress = min(Float(step - warmupSteps) / Float(totalSteps - warmupSteps), 1)
    return minimum + (base - minimum) * 0.5 * (1 + cosf(Float.pi * progress))
  }
}

/// Linear warm-up to `base`, then multiplication by `decay` after every `stepSize` steps.
public struct StepSchedule: LearningRateSchedule {
  public let base: Float
  public let stepSize: Int
  public let decay: Float
  public let warmupSteps: Int

  /// Creates a step schedule.
  public init(base: Float, stepSize: Int, decay: Float, warmupSteps: Int = 0) {
    precondition(stepSize > 0, "StepSchedule: step size must be positive, got \(stepSize)")
    self.base = base
    self.stepSize = stepSize
    self.decay = decay
    self.warmupSteps = warmupSteps
  }

  public func learningRate(atStep step: Int) -> Float {
    if step <= warmupSteps { return base * Float(step) / Float(warmupSteps) }
    let decays = (step - warmupSteps - 1) / stepSize
    return base * powf(decay, Float(decays))
  }
}
