/// The inner loops of broadcast binary ops, one per stride pattern of a plan row.
///
/// A `BroadcastPlan` row has operand strides of 0 (the operand is repeated along the row) or 1
/// (contiguous). Branching on the pattern once per row leaves loops with unit strides only,
/// which the compiler vectorises; the general `j * stride` form does not.
enum BinaryRowKernels {
  /// `y[j] = F(x[j * sa], z[j * sb])` for `j` in `0..<length`.
  @inline(__always)
  static func forward<F: BinaryElementwise>(
    _: F.Type, length: Int, _ x: UnsafePointer<Float>, _ sa: Int, _ z: UnsafePointer<Float>, _ sb: Int,
    _ y: UnsafeMutablePointer<Float>
  ) {
    switch (sa, sb) {
    case (1, 1): for j in 0..<length { y[j] = F.value(x[j], z[j]) }
    case (1, _):
      let right = z[0]
      for j in 0..<length { y[j] = F.value(x[j], right) }
    case (_, 1):
      let left = x[0]
      for j in 0..<length { y[j] = F.value(left, z[j]) }
    default:
      let value = F.value(x[0], z[0])
      for j in 0..<length { y[j] = value }
    }
  }

  /// Adds the gradient of one row into operand `a` (`partialA`): element by element when `a`
  /// is contiguous along the row, summed into its single element when it is repeated.
  /// `overwrite` writes instead of adding (a fresh buffer of an operand that is not repeated).
  @inline(__always)
  static func backwardA<F: BinaryElementwise>(
    _: F.Type, length: Int, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ sa: Int,
    _ z: UnsafePointer<Float>, _ sb: Int, _ y: UnsafePointer<Float>, _ ga: UnsafeMutablePointer<Float>,
    overwrite: Bool
  ) {
    switch (sa, sb, overwrite) {
    case (1, 1, true): for j in 0..<length { ga[j] = g[j] * F.partialA(x[j], z[j], y[j]) }
    case (1, 1, false): for j in 0..<length { ga[j] += g[j] * F.partialA(x[j], z[j], y[j]) }
    case (1, _, true):
      let right = z[0]
      for j in 0..<length { ga[j] = g[j] * F.partialA(x[j], right, y[j]) }
    case (1, _, false):
      let right = z[0]
      for j in 0..<length { ga[j] += g[j] * F.partialA(x[j], right, y[j]) }
    case (_, 1, _):
      let left = x[0]
      var total: Float = 0
      for j in 0..<length { total += g[j] * F.partialA(left, z[j], y[j]) }
      ga[0] = overwrite ? total : ga[0] + total
    default:
      var total: Float = 0
      for j in 0..<length { total += g[j] * F.partialA(x[0], z[0], y[j]) }
      ga[0] = overwrite ? total : ga[0] + total
    }
  }

  /// Adds the gradient of one row into operand `b` (`partialB`): `backwardA` of the function
  /// with its arguments swapped.
  @inline(__always)
  static func backwardB<F: BinaryElementwise>(
    _: F.Type, length: Int, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ sa: Int,
    _ z: UnsafePointer<Float>, _ sb: Int, _ y: UnsafePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
    overwrite: Bool
  ) {
    backwardA(Swapped<F>.self, length: length, g, z, sb, x, sa, y, gb, overwrite: overwrite)
  }
}

/// `F` with its two arguments exchanged, so one kernel serves both operands' gradients.
private enum Swapped<F: BinaryElementwise>: BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float { F.value(b, a) }
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float { F.partialB(b, a, y) }
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float { F.partialA(b, a, y) }
}
