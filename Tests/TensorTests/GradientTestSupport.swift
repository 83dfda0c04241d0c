import Randomness
import Tensor

/// Random leaf inputs of the given shapes; `awayFromZero` keeps every value at least 0.2 from
/// zero (for kinks and poles), `positive` makes them positive.
func makeInputs(_ shapes: [[Int]], seed: UInt64 = 1, positive: Bool = false, awayFromZero: Bool = false) -> [Tensor] {
  var rng = SeededGenerator(seed: seed)
  return shapes.map { shape in
    let count = shape.reduce(1, *)
    let values: [Float] = (0..<count).map { _ in
      var x = Float(rng.nextUnit() * 2 - 1)
      if awayFromZero { x += x < 0 ? -0.2 : 0.2 }
      return positive ? Swift.abs(x) + 0.3 : x
    }
    return Tensor(shape: shape, scalars: values, requiresGradient: true)
  }
}

/// The worst relative error between reverse-mode and finite-difference gradients.
func gradientError(
  _ shapes: [[Int]], positive: Bool = false, awayFromZero: Bool = false, step: Float = 1e-2,
  _ function: ([Tensor]) -> Tensor
) -> Double {
  GradientCheck.maximumRelativeError(
    inputs: makeInputs(shapes, positive: positive, awayFromZero: awayFromZero), step: step, function)
}

/// Largest absolute difference between two equally long arrays.
func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "compared arrays differ in length: \(a.count) and \(b.count)")
  return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
}
