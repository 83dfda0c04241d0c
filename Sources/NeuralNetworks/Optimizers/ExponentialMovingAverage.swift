/// An exponential moving average of a layer's parameters (Polyak averaging), the weights
/// score-based models sample with: after each optimiser step, `shadow = rate * shadow +
/// (1 - rate) * value`.
public final class ExponentialMovingAverage {
  /// The decay per update, in `[0, 1)`.
  public let rate: Float
  private var shadows: [[Float]]

  /// Starts the average at the current values of `parameters`.
  public init(_ parameters: [Parameter], rate: Float) {
    precondition(rate >= 0 && rate < 1, "ExponentialMovingAverage: rate must be in [0, 1), got \(rate)")
    self.rate = rate
    shadows = parameters.map(\.value.scalars)
  }

  /// Moves the average towards the current values of `parameters` (the same list, in order).
  public func update(_ parameters: [Parameter]) {
    precondition(parameters.count == shadows.count, "ExponentialMovingAverage: \(parameters.count) parameters for \(shadows.count) averages")
    let keep = rate
    for (index, parameter) in parameters.enumerated() {
      parameter.value.withUnsafeBufferPointer { values in
        shadows[index].withUnsafeMutableBufferPointer { shadow in
          for i in shadow.indices { shadow[i] = keep * shadow[i] + (1 - keep) * values[i] }
        }
      }
    }
  }

  /// Writes the averages into `parameters` (the same list, in order).
  public func copy(into parameters: [Parameter]) {
    precondition(parameters.count == shadows.count, "ExponentialMovingAverage: \(parameters.count) parameters for \(shadows.count) averages")
    for (index, parameter) in parameters.enumerated() {
      parameter.value.withUnsafeMutableBufferPointer { values in
        shadows[index].withUnsafeBufferPointer { shadow in
          for i in values.indices { values[i] = shadow[i] }
        }
      }
    }
  }
}
