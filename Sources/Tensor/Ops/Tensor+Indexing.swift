/// Gathering by index and masking.
extension Tensor {
  /// The slices at `indices` along `axis` (index-select; embeddings use axis 0).
  ///
  /// - Returns: `shape` with the extent of `axis` replaced by `indices.count`.
  public func gathered(atIndices indices: [Int], alongAxis axis: Int = 0) -> Tensor {
    let axis = resolveAxis(axis)
    let extent = shape[axis]
    for index in indices { precondition(index >= 0 && index < extent, "gathered: index \(index) outside 0..<\(extent) of shape \(shape)") }
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[(axis + 1)...].reduce(1, *)
    var resultShape = shape
    resultShape[axis] = indices.count
    let storage = Tensor.allocate(resultShape)
    let x = pointer
    for o in 0..<outer {
      for (r, index) in indices.enumerated() {
        (storage.base + (o * indices.count + r) * inner).update(from: x + (o * extent + index) * inner, count: inner)
      }
    }
    return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for o in 0..<outer {
        for (r, index) in indices.enumerated() {
          let (target, source) = (gx + (o * extent + index) * inner, g + (o * indices.count + r) * inner)
          for i in 0..<inner { target[i] += source[i] }
        }
      }
    }
  }

  /// One element per row: `result[r] = self[r, indices[r]]` over the last axis.
  ///
  /// - Parameter indices: One class index per row (`count / shape.last` of them).
  /// - Returns: `shape.dropLast()`.
  public func gathered(alongLastAxis indices: [Int]) -> Tensor {
    let (rows, width) = rowsAndWidth()
    precondition(indices.count == rows, "gathered(alongLastAxis:): \(indices.count) indices for \(rows) rows of shape \(shape)")
    for index in indices { precondition(index >= 0 && index < width, "gathered(alongLastAxis:): index \(index) outside 0..<\(width)") }
    let resultShape = Array(shape.dropLast())
    let storage = Tensor.allocate(resultShape)
    let x = pointer
    for (r, index) in indices.enumerated() { storage.base[r] = x[r * width + index] }
    return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for (r, index) in indices.enumerated() { gx[r * width + index] += g[r] }
    }
  }

  /// `value` where `mask` is non-zero, `self` elsewhere; `mask` broadcasts to `shape`.
  ///
  /// Used for attention masks (fill with a large negative number before softmax). No
  /// gradient flows to filled positions or to the mask.
  public func maskedFill(_ mask: Tensor, with value: Float) -> Tensor {
    let plan = BroadcastPlan(shape, mask.shape)
    precondition(plan.shape == shape, "maskedFill: mask shape \(mask.shape) does not broadcast to \(shape)")
    let (length, _, sm) = plan.row
    let storage = Tensor.allocate(shape)
    let x = pointer
    let m = mask.pointer
    let y = storage.base
    plan.forEachRow { o, _, om in
      for j in 0..<length { y[o + j] = m[om + j * sm] != 0 ? value : x[o + j] }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      plan.forEachRow { o, _, om in
        for j in 0..<length where m[om + j * sm] == 0 { gx[o + j] += g[o + j] }
      }
      withExtendedLifetime(mask) {}
    }
  }
}
