/// Reshapes, transposes and slices.
extension Tensor {
  /// The same elements viewed with another shape (no copy); one extent may be `-1`.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    var resolved = newShape
    if let unknown = newShape.firstIndex(of: -1) {
      let known = newShape.enumerated().filter { $0.offset != unknown }.reduce(1) { $0 * $1.element }
      precondition(known > 0 && count % known == 0, "reshape: cannot infer -1 in \(newShape) for shape \(shape)")
      resolved[unknown] = count / known
    }
    precondition(resolved.reduce(1, *) == count, "reshape: shape \(newShape) does not fit \(count) elements of shape \(shape)")
    return Tensor.result(shape: resolved, storage: storage, offset: offset, inputs: [self], forwardsGradient: true) { [self] g in
      add(g, toGradientOf: self)
    }
  }

  /// The entry `index` along the first axis, as a view sharing storage; shape `shape.dropFirst()`.
  public subscript(index: Int) -> Tensor {
    slice(alongAxis: 0, index..<(index + 1)).reshaped(Array(shape.dropFirst()))
  }

  /// The entries `range` along `axis`; the first axis gives a view, others copy.
  public func slice(alongAxis axis: Int, _ range: Range<Int>) -> Tensor {
    let axis = resolveAxis(axis)
    precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis], "slice: range \(range) outside axis \(axis) of shape \(shape)")
    var resultShape = shape
    resultShape[axis] = range.count
    let inner = shape[(axis + 1)...].reduce(1, *)
    if axis == 0 {
      let start = range.lowerBound * inner
      return Tensor.result(shape: resultShape, storage: storage, offset: offset + start, inputs: [self]) { [self] g in
        let gx = gradientPointer() + start
        for i in 0..<(range.count * inner) { gx[i] += g[i] }
      }
    }
    let outer = shape[..<axis].reduce(1, *)
    let (block, stride, start) = (range.count * inner, shape[axis] * inner, range.lowerBound * inner)
    let storage = Tensor.allocate(resultShape)
    let x = pointer
    for o in 0..<outer { (storage.base + o * block).update(from: x + o * stride + start, count: block) }
    return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for o in 0..<outer {
        let (target, source) = (gx + o * stride + start, g + o * block)
        for i in 0..<block { target[i] += source[i] }
      }
    }
  }

  /// Splits along `axis` into pieces with the given extents (which must sum to the axis extent).
  public func split(sizes: [Int], alongAxis axis: Int) -> [Tensor] {
    let resolved = resolveAxis(axis)
    precondition(sizes.reduce(0, +) == shape[resolved], "split: sizes \(sizes) do not add up to axis \(axis) of shape \(shape)")
    var start = 0
    return sizes.map { size in
      defer { start += size }
      return slice(alongAxis: resolved, start..<(start + size))
    }
  }

  /// Joins tensors along `axis`; all other extents must agree.
  public static func concatenate(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
    guard let first = tensors.first else { preconditionFailure("concatenate: no tensors") }
    let axis = first.resolveAxis(axis)
    for t in tensors {
      precondition(
        t.rank == first.rank && t.shape.enumerated().allSatisfy { $0.offset == axis || $0.element == first.shape[$0.offset] },
        "concatenate: shape \(t.shape) does not match \(first.shape) off axis \(axis)")
    }
    let outer = first.shape[..<axis].reduce(1, *)
    let inner = first.shape[(axis + 1)...].reduce(1, *)
    let blocks = tensors.map { $0.shape[axis] * inner }
    let total = blocks.reduce(0, +)
    var resultShape = first.shape
    resultShape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    let storage = allocate(resultShape)
    var start = 0
    for (t, block) in zip(tensors, blocks) {
      let x = t.pointer
      for o in 0..<outer { (storage.base + o * total + start).update(from: x + o * block, count: block) }
      start += block
    }
    return result(shape: resultShape, storage: storage, inputs: tensors) { g in
      var start = 0
      for (t, block) in zip(tensors, blocks) {
        defer { start += block }
        guard t.requiresGradient else { continue }
        let gx = t.gradientPointer()
        for o in 0..<outer {
          let (target, source) = (gx + o * block, g + o * total + start)
          for i in 0..<block { target[i] += source[i] }
        }
      }
    }
  }

  /// Swaps the last two axes (a copy).
  public func transposed() -> Tensor {
    precondition(rank >= 2, "transposed: needs two axes, got shape \(shape)")
    var order = Array(0..<rank)
    order.swapAt(rank - 1, rank - 2)
    return permuted(order)
  }

  /// Reorders axes: axis `i` of the result is axis `order[i]` of `self` (a copy).
  public func permuted(_ order: [Int]) -> Tensor {
    precondition(order.sorted() == Array(0..<rank), "permuted: \(order) is not a permutation of the axes of \(shape)")
    let resultShape = order.map { shape[$0] }
    var sourceStrides = Array(repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[axis] = sourceStrides[axis + 1] * shape[axis + 1] }
    let strides = order.map { sourceStrides[$0] }
    let storage = Tensor.allocate(resultShape)
    let x = pointer
    let y = storage.base
    // When the last axis stays last, whole rows are contiguous in both tensors: walk the outer
    // axes and copy rows (the head split of attention, [b, t, h, w] -> [b, h, t, w]).
    let row = order.last == rank - 1 ? shape[rank - 1] : 1
    let outerShape = row > 1 ? Array(resultShape.dropLast()) : resultShape
    let outerStrides = row > 1 ? Array(strides.dropLast()) : strides
    Tensor.forEachIndex(outerShape, outerStrides) { position, source in
      (y + position * row).update(from: x + source, count: row)
    }
    return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      Tensor.forEachIndex(outerShape, outerStrides) { position, source in
        let (target, origin) = (gx + source, g + position * row)
        for i in 0..<row { target[i] += origin[i] }
      }
    }
  }

  /// Walks `shape` in row-major order, passing each position and its offset under `strides`.
  static func forEachIndex(_ shape: [Int], _ strides: [Int], _ body: (Int, Int) -> Void) {
    let total = shape.reduce(1, *)
    guard total > 0 else { return }
    var index = Array(repeating: 0, count: shape.count)
    var source = 0
    for position in 0..<total {
      body(position, source)
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        source += strides[axis]
        if index[axis] < shape[axis] { break }
        source -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }
}
