/// A dense, row-major `Float` tensor that can record the operations producing it.
///
/// A tensor has a `shape` (`[]` for a scalar) and contiguous storage. When any input of an op
/// has `requiresGradient` and gradients are enabled (see `withoutGradients(_:)`), the result
/// keeps a node of the reverse-mode tape: its inputs and a closure that adds the result's
/// gradient into theirs. `backward()` walks those nodes from a scalar loss and leaves
/// gradients on the leaves (parameters); intermediate gradients are released on the way.
///
/// Tensors are reference types because views share storage and the tape refers to inputs by
/// identity. Values are never mutated by ops; only optimizers update parameters in place.
public final class Tensor {
  /// The extent of each axis; `[]` for a scalar.
  public let shape: [Int]
  /// The number of elements (the product of `shape`).
  public let count: Int
  /// Whether gradients flow into this tensor during `backward()`.
  public let requiresGradient: Bool

  let storage: TensorStorage
  let offset: Int
  let node: TapeNode?
  var gradientStorage: TensorStorage?

  init(shape: [Int], storage: TensorStorage, offset: Int = 0, requiresGradient: Bool, node: TapeNode?) {
    let count = shape.reduce(1, *)
    precondition(
      offset + count <= storage.count, "Tensor: shape \(shape) needs \(count) elements at offset \(offset), storage has \(storage.count)")
    self.shape = shape
    self.count = count
    self.storage = storage
    self.offset = offset
    self.requiresGradient = requiresGradient
    self.node = node
  }

  /// A leaf tensor holding `scalars` in row-major order.
  ///
  /// - Parameters:
  ///   - shape: The axis extents; their product must equal `scalars.count`.
  ///   - scalars: The values, row-major.
  ///   - requiresGradient: Whether `backward()` should compute this tensor's gradient.
  public convenience init(shape: [Int], scalars: [Float], requiresGradient: Bool = false) {
    let count = shape.reduce(1, *)
    precondition(count == scalars.count, "Tensor: shape \(shape) has \(count) elements, got \(scalars.count) scalars")
    precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative extent in shape \(shape)")
    let storage = TensorStorage(count: count)
    scalars.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { storage.base.update(from: base, count: count) }
    }
    self.init(shape: shape, storage: storage, requiresGradient: requiresGradient, node: nil)
  }

  /// A leaf tensor of the given shape with every element equal to `value`.
  public convenience init(repeating value: Float, shape: [Int], requiresGradient: Bool = false) {
    let count = shape.reduce(1, *)
    self.init(shape: shape, storage: TensorStorage(count: count, repeating: value), requiresGradient: requiresGradient, node: nil)
  }

  /// A leaf tensor of zeros.
  public convenience init(zeros shape: [Int], requiresGradient: Bool = false) {
    self.init(repeating: 0, shape: shape, requiresGradient: requiresGradient)
  }

  /// A scalar (shape `[]`) leaf tensor.
  public convenience init(_ value: Float, requiresGradient: Bool = false) {
    self.init(repeating: value, shape: [], requiresGradient: requiresGradient)
  }

  /// The number of axes.
  public var rank: Int { shape.count }

  /// The elements in row-major order.
  public var scalars: [Float] {
    Array(UnsafeBufferPointer(start: pointer, count: count))
  }

  /// The single element of a one-element tensor.
  public var scalar: Float {
    precondition(count == 1, "Tensor.scalar: tensor of shape \(shape) has \(count) elements, not 1")
    return pointer[0]
  }

  /// The first element address; valid while `self` is alive.
  var pointer: UnsafeMutablePointer<Float> { storage.base + offset }

  /// Calls `body` with the elements in row-major order.
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
    try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: pointer, count: count)) }
  }

  /// Calls `body` with writable elements; for optimizers and initialisers updating leaves.
  ///
  /// Mutating a tensor that an unfinished tape still uses changes that tape's gradients.
  public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
    try withExtendedLifetime(self) { try body(UnsafeMutableBufferPointer(start: pointer, count: count)) }
  }
}

// MARK: - Construction of op results

extension Tensor {
  /// Allocates an uninitialised result buffer of `shape`.
  static func allocate(_ shape: [Int]) -> TensorStorage {
    TensorStorage(count: shape.reduce(1, *))
  }

  /// Wraps a computed buffer as an op result, recording a tape node when needed.
  ///
  /// `propagate` receives the result's gradient (same element count as `shape`) and must add
  /// the contributions into the gradients of those `inputs` that require one.
  static func result(
    shape: [Int], storage: TensorStorage, offset: Int = 0, inputs: [Tensor], forwardsGradient: Bool = false,
    propagate: @escaping (UnsafePointer<Float>) -> Void
  ) -> Tensor {
    let records = inputs.contains { $0.requiresGradient } && GradientMode.isEnabled
    return Tensor(
      shape: shape, storage: storage, offset: offset, requiresGradient: records,
      node: records ? TapeNode(inputs: inputs, forwardsGradient: forwardsGradient, propagate: propagate) : nil)
  }
}
