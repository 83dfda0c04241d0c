/// A contiguous, 64-byte aligned buffer of `Float` owned by one or more tensors.
///
/// Storage is a class so that views (reshapes, slices along the first axis) share it without
/// copying. It is written only while the tensor that owns it is being computed, by optimizers
/// updating a parameter in place, and when gradients are accumulated.
final class TensorStorage {
  let base: UnsafeMutablePointer<Float>
  let count: Int

  /// Allocates `count` uninitialised floats.
  init(count: Int) {
    precondition(count >= 0, "TensorStorage: negative element count \(count)")
    _ = AllocatorTuning.applied
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
    base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
  }

  /// Allocates `count` floats set to `value`.
  convenience init(count: Int, repeating value: Float) {
    self.init(count: count)
    base.initialize(repeating: value, count: count)
  }

  deinit {
    UnsafeMutableRawPointer(base).deallocate()
  }
}
