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
    let x = UnsafePointer(a.pointer)
    let z = UnsafePointer(b.pointer)
    let y = storage.base
    plan.forEachRow { o, oa, ob in
      BinaryRowKernels.forward(F.self, length: length, x + oa, sa, z + ob, sb, y + o)
    }
    return result(shape: plan.shape, storage: storage, inputs: [a, b]) { g in
      if a.requiresGradient {
        let (ga, overwrite) = gradientBuffer(a, resultCount: storage.count)
        plan.forEachRow { o, oa, ob in
          BinaryRowKernels.backwardA(
            F.self, length: length, g + o, x + oa, sa, z + ob, sb, y + o, ga + oa, overwrite: overwrite)
        }
      }
      if b.requiresGradient {
        let (gb, overwrite) = gradientBuffer(b, resultCount: storage.count)
        plan.forEachRow { o, oa, ob in
          BinaryRowKernels.backwardB(
            F.self, length: length, g + o, x + oa, sa, z + ob, sb, y + o, gb + ob, overwrite: overwrite)
        }
      }
    }
  }

  /// The gradient buffer of an operand and whether the row kernels may overwrite it: a fresh
  /// buffer of an operand that is not broadcast gets every element written exactly once; a
  /// fresh buffer of a broadcast operand is zeroed first, as rows add into it.
  private static func gradientBuffer(_ operand: Tensor, resultCount: Int) -> (UnsafeMutablePointer<Float>, Bool) {
    let (pointer, fresh) = operand.gradientDestination()
    guard fresh else { return (pointer, false) }
    if operand.count == resultCount { return (pointer, true) }
    pointer.update(repeating: 0, count: operand.count)
    return (pointer, false)
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
