/// Sums along a contiguous row, in sixteen independent lanes.
///
/// A scalar `total += x[j]` loop is one long dependency chain (the compiler may not reorder
/// floating-point additions), so it runs at the add latency instead of the vector width. These
/// keep sixteen partial sums and add them at the end; results differ from a serial sum only in
/// rounding.
enum RowReductions {
  private typealias Lanes = SIMD16<Float>

  /// `Σ x[j]`.
  @inline(__always)
  static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = Lanes()
    let whole = count / Lanes.scalarCount * Lanes.scalarCount
    for j in stride(from: 0, to: whole, by: Lanes.scalarCount) { lanes += load(x + j) }
    var total = lanes.sum()
    for j in whole..<count { total += x[j] }
    return total
  }

  /// `Σ (x[j] - center)²`.
  @inline(__always)
  static func squaredDeviations(_ x: UnsafePointer<Float>, from center: Float, count: Int) -> Float {
    var lanes = Lanes()
    let whole = count / Lanes.scalarCount * Lanes.scalarCount
    for j in stride(from: 0, to: whole, by: Lanes.scalarCount) {
      let d = load(x + j) - center
      lanes += d * d
    }
    var total = lanes.sum()
    for j in whole..<count {
      let d = x[j] - center
      total += d * d
    }
    return total
  }

  /// `(Σ a[j] b[j], Σ a[j] b[j] c[j])`: the two sums of the layer-norm backward pass.
  @inline(__always)
  static func productSums(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, count: Int
  ) -> (Float, Float) {
    var (first, second) = (Lanes(), Lanes())
    let whole = count / Lanes.scalarCount * Lanes.scalarCount
    for j in stride(from: 0, to: whole, by: Lanes.scalarCount) {
      let product = load(a + j) * load(b + j)
      first += product
      second += product * load(c + j)
    }
    var (totalFirst, totalSecond) = (first.sum(), second.sum())
    for j in whole..<count {
      let product = a[j] * b[j]
      totalFirst += product
      totalSecond += product * c[j]
    }
    return (totalFirst, totalSecond)
  }

  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }
}
