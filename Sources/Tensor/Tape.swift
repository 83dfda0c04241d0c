/// One recorded operation: the tensors it read and how to push a gradient back into them.
final class TapeNode {
  let inputs: [Tensor]
  let propagate: (UnsafePointer<Float>) -> Void
  /// The op's gradient is, element for element, its single input's (a reshape): the reverse
  /// pass hands the buffer over instead of copying it when the input has none yet.
  let forwardsGradient: Bool

  init(inputs: [Tensor], forwardsGradient: Bool = false, propagate: @escaping (UnsafePointer<Float>) -> Void) {
    self.inputs = inputs
    self.forwardsGradient = forwardsGradient
    self.propagate = propagate
  }
}

/// Whether ops record tape nodes in the current task.
///
/// The flag is task-local, so trials running in parallel tasks do not affect each other.
public enum GradientMode {
  /// `true` unless inside `withoutGradients(_:)`.
  @TaskLocal public static var isEnabled = true
}

/// Runs `body` without recording any tape nodes (inference, target networks, GAN steps).
public func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
  try GradientMode.$isEnabled.withValue(false) { try body() }
}

// MARK: - Reverse pass

extension Tensor {
  /// Accumulates d(self)/d(leaf) into the gradient of every leaf that requires one.
  ///
  /// `self` must be a scalar (e.g. a loss). Gradients add up over calls until
  /// `zeroGradient()`; intermediate results' gradients are released after use.
  public func backward() {
    precondition(count == 1, "Tensor.backward(): needs a one-element tensor, got shape \(shape)")
    backward(seed: Tensor(repeating: 1, shape: shape))
  }

  /// Accumulates gradients as if `self` were multiplied elementwise by `seed` and summed.
  ///
  /// - Parameter seed: The gradient of some scalar with respect to `self`; same shape.
  public func backward(seed: Tensor) {
    precondition(seed.shape == shape, "Tensor.backward(seed:): seed shape \(seed.shape) differs from \(shape)")
    guard requiresGradient else { return }
    let order = topologicalOrder()
    add(seed.pointer, toGradientOf: self)
    for tensor in order.reversed() {
      guard let node = tensor.node, let gradient = tensor.gradientStorage else { continue }
      tensor.gradientStorage = nil
      if node.forwardsGradient, let input = node.inputs.first, input.requiresGradient, input.gradientStorage == nil {
        input.gradientStorage = gradient
      } else {
        node.propagate(gradient.base)
      }
    }
    withExtendedLifetime(seed) {}
  }

  /// The accumulated gradient of a leaf, or `nil` if none has flowed into it yet.
  public var gradient: Tensor? {
    guard let storage = gradientStorage else { return nil }
    return Tensor(shape: shape, storage: storage, requiresGradient: false, node: nil)
  }

  /// Forgets the accumulated gradient.
  public func zeroGradient() {
    gradientStorage = nil
  }

  /// The same values with no tape history: gradients stop here.
  public func detached() -> Tensor {
    Tensor(shape: shape, storage: storage, offset: offset, requiresGradient: false, node: nil)
  }

  /// The gradient buffer of `self`, allocated as zeros on first use.
  func gradientPointer() -> UnsafeMutablePointer<Float> {
    if let storage = gradientStorage { return storage.base }
    let storage = TensorStorage(count: count, repeating: 0)
    gradientStorage = storage
    return storage.base
  }

  /// The gradient buffer of `self` and whether it was just allocated, uninitialised: the
  /// caller must then write (not add) every element, e.g. with a matrix product of `beta` 0.
  func gradientDestination() -> (pointer: UnsafeMutablePointer<Float>, fresh: Bool) {
    if let storage = gradientStorage { return (storage.base, false) }
    let storage = TensorStorage(count: count)
    gradientStorage = storage
    return (storage.base, true)
  }

  /// Tensors reachable from `self` through recorded nodes, inputs before their users.
  private func topologicalOrder() -> [Tensor] {
    var order: [Tensor] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(Tensor, Int)] = [(self, 0)]
    visited.insert(ObjectIdentifier(self))
    while let (tensor, next) = stack.popLast() {
      let inputs = tensor.node?.inputs ?? []
      if next < inputs.count {
        stack.append((tensor, next + 1))
        let input = inputs[next]
        if input.requiresGradient, visited.insert(ObjectIdentifier(input)).inserted {
          stack.append((input, 0))
        }
      } else {
        order.append(tensor)
      }
    }
    return order
  }
}

/// Adds `source` (same element count as `tensor`) into `tensor`'s gradient.
func add(_ source: UnsafePointer<Float>, toGradientOf tensor: Tensor) {
  let (target, fresh) = tensor.gradientDestination()
  if fresh {
    target.update(from: source, count: tensor.count)
  } else {
    for i in 0..<tensor.count { target[i] += source[i] }
  }
}
