import Randomness

/// Compares reverse-mode gradients with central finite differences.
///
/// The function's output is reduced to the scalar `Σ w ⊙ f(x)` with fixed random weights `w`,
/// accumulated in Float64 so that the finite differences of a Float32 function are not lost
/// in rounding. The analytic side runs `backward(seed: w)` once. The error for one input is
/// `‖analytic − numeric‖₂ / max(‖analytic‖₂, ‖numeric‖₂, 1e-6)`.
public enum GradientCheck {
  /// The largest relative error over `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: Leaf tensors that require gradients; their values are perturbed in place
  ///     and restored.
  ///   - step: The finite-difference half step.
  ///   - seed: Seeds the output weights.
  ///   - function: Must be deterministic (re-seed any randomness inside it).
  /// - Returns: The relative error of the worst input.
  public static func maximumRelativeError(
    inputs: [Tensor], step: Float = 1e-2, seed: UInt64 = 7, _ function: ([Tensor]) -> Tensor
  ) -> Double {
    for input in inputs {
      precondition(input.requiresGradient, "GradientCheck: inputs must require gradients, shape \(input.shape) does not")
      input.zeroGradient()
    }
    let output = function(inputs)
    var rng = SeededGenerator(seed: seed)
    let weights = (0..<output.count).map { _ in Float(rng.nextUnit() * 2 - 1) }
    output.backward(seed: Tensor(shape: output.shape, scalars: weights))
    func objective() -> Double {
      let values = withoutGradients { function(inputs).scalars }
      return zip(values, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    var worst = 0.0
    for input in inputs {
      let analytic = input.gradient?.scalars ?? [Float](repeating: 0, count: input.count)
      var numeric = [Double](repeating: 0, count: input.count)
      for i in 0..<input.count {
        let original = input.withUnsafeBufferPointer { $0[i] }
        let (up, down) = (original + step, original - step)
        input.withUnsafeMutableBufferPointer { $0[i] = up }
        let high = objective()
        input.withUnsafeMutableBufferPointer { $0[i] = down }
        let low = objective()
        input.withUnsafeMutableBufferPointer { $0[i] = original }
        numeric[i] = (high - low) / (Double(up) - Double(down))
      }
      var difference = 0.0
      var analyticNorm = 0.0
      var numericNorm = 0.0
      for (a, n) in zip(analytic, numeric) {
        difference += (Double(a) - n) * (Double(a) - n)
        analyticNorm += Double(a) * Double(a)
        numericNorm += n * n
      }
      let scale = max(analyticNorm.squareRoot(), numericNorm.squareRoot(), 1e-6)
      worst = max(worst, difference.squareRoot() / scale)
    }
    return worst
  }
}
