/// An elementwise binary function with its partial derivatives.
protocol BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float
  /// d value / d a, given the inputs and the output.
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float
  /// d value / d b, given the inputs and the output.
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float
}

private enum Addition: BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float { a + b }
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
}

private enum Subtraction: BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float { a - b }
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 }
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float { -1 }
}

private enum Multiplication: BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float { a * b }
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float { b }
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float { a }
}

private enum Division: BinaryElementwise {
  static func value(_ a: Float, _ b: Float) -> Float { a / b }
  static func partialA(_ a: Float, _ b: Float, _ y: Float) -> Float { 1 / b }
  static func partialB(_ a: Float, _ b: Float, _ y: Float) -> Float { -y / b }
}

extension Tensor {
  /// Applies `F` elementwise with broadcasting; the result has the broadcast shape.
  static func elementwise<F: BinaryElementwise>(_: F.Type, _ a: Tensor, _ b: Tensor) -> Tensor {
    let plan = BroadcastPlan(a.shape, b.shape)
    let storage = allocate(plan.shape)
    let (length, sa, sb) = plan.row
    let x = a.pointer
    let z = b.pointer
    let y = storage.base
    plan.forEachRow { o, oa, ob in
      if sa == 1 && sb == 1 {
        for j in 0..<length { y[o + j] = F.value(x[oa + j], z[ob + j]) }
      } else if sb == 0 {
        let right = z[ob]
        for j in 0..<length { y[o + j] = F.value(x[oa + j * sa], right) }
      } else {
        for j in 0..<length { y[o + j] = F.value(x[oa + j * sa], z[ob + j * sb]) }
      }
    }
    return result(shape: plan.shape, storage: storage, inputs: [a, b]) { g in
      if a.requiresGradient {
        let ga = a.gradientPointer()
        plan.forEachRow { o, oa, ob in
          for j in 0..<length {
            ga[oa + j * sa] += g[o + j] * F.partialA(x[oa + j * sa], z[ob + j * sb], y[o + j])
          }
        }
      }
      if b.requiresGradient {
        let gb = b.gradientPointer()
        plan.forEachRow { o, oa, ob in
          for j in 0..<length {
            gb[ob + j * sb] += g[o + j] * F.partialB(x[oa + j * sa], z[ob + j * sb], y[o + j])
          }
        }
      }
    }
  }

  /// Elementwise sum with broadcasting.
  public static func + (a: Tensor, b: Tensor) -> Tensor { elementwise(Addition.self, a, b) }
  /// Elementwise difference with broadcasting.
  public static func - (a: Tensor, b: Tensor) -> Tensor { elementwise(Subtraction.self, a, b) }
  /// Elementwise product with broadcasting.
  public static func * (a: Tensor, b: Tensor) -> Tensor { elementwise(Multiplication.self, a, b) }
  /// Elementwise quotient with broadcasting.
  public static func / (a: Tensor, b: Tensor) -> Tensor { elementwise(Division.self, a, b) }

  /// Adds a constant to every element.
  public static func + (a: Tensor, b: Float) -> Tensor { a.applying(Affine(scale: 1, shift: b)) }
  /// Adds a constant to every element.
  public static func + (a: Float, b: Tensor) -> Tensor { b.applying(Affine(scale: 1, shift: a)) }
  /// Subtracts a constant from every element.
  public static func - (a: Tensor, b: Float) -> Tensor { a.applying(Affine(scale: 1, shift: -b)) }
  /// Subtracts every element from a constant.
  public static func - (a: Float, b: Tensor) -> Tensor { b.applying(Affine(scale: -1, shift: a)) }
  /// Multiplies every element by a constant.
  public static func * (a: Tensor, b: Float) -> Tensor { a.applying(Affine(scale: b, shift: 0)) }
  /// Multiplies every element by a constant.
  public static func * (a: Float, b: Tensor) -> Tensor { b.applying(Affine(scale: a, shift: 0)) }
  /// Divides every element by a constant.
  public static func / (a: Tensor, b: Float) -> Tensor { a.applying(Affine(scale: 1 / b, shift: 0)) }
  /// Negates every element.
  public static prefix func - (a: Tensor) -> Tensor { a.applying(Affine(scale: -1, shift: 0)) }
}

/// `x * scale + shift`.
private struct Affine: UnaryElementwise {
  let scale: Float
  let shift: Float
  func value(_ x: Float) -> Float { x * scale + shift }
  func derivative(_ x: Float, _ y: Float) -> Float { scale }
}
