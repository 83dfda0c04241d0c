/// Sums and means along axes.
extension Tensor {
  /// The sum of all elements, as a scalar (shape `[]`).
  public func sum() -> Tensor {
    reshaped([count]).sum(alongAxis: 0)
  }

  /// The mean of all elements, as a scalar (shape `[]`).
  public func mean() -> Tensor {
    sum() * (1 / Float(max(count, 1)))
  }

  /// Sums along `axes` (negative values count from the end).
  ///
  /// - Returns: The shape without those axes, or with extent 1 there when `keepingDimensions`.
  public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
    let resolved = Set(axes.map { resolveAxis($0) }).sorted(by: >)
    var reduced = self
    for axis in resolved { reduced = reduced.sum(alongAxis: axis, keepingDimension: true) }
    guard !keepingDimensions else { return reduced }
    let kept = shape.indices.filter { !resolved.contains($0) }.map { shape[$0] }
    return reduced.reshaped(kept)
  }

  /// Means along `axes` (negative values count from the end).
  public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
    let n = Set(axes.map { resolveAxis($0) }).reduce(1) { $0 * shape[$1] }
    return sum(alongAxes: axes, keepingDimensions: keepingDimensions) * (1 / Float(max(n, 1)))
  }

  /// Sums along one axis.
  public func sum(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
    let axis = resolveAxis(axis)
    let outer = shape[..<axis].reduce(1, *)
    let extent = shape[axis]
    let inner = shape[(axis + 1)...].reduce(1, *)
    var resultShape = shape
    if keepingDimension { resultShape[axis] = 1 } else { resultShape.remove(at: axis) }
    let storage = Tensor.allocate(resultShape)
    let x = pointer
    let y = storage.base
    if inner == 1 {  // contiguous rows: lane-parallel sums, then a broadcast backward
      for o in 0..<outer { y[o] = RowReductions.sum(x + o * extent, count: extent) }
      return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
        let (gx, fresh) = gradientDestination()
        for o in 0..<outer {
          let (row, value) = (gx + o * extent, g[o])
          if fresh {
            row.update(repeating: value, count: extent)
          } else {
            for e in 0..<extent { row[e] += value }
          }
        }
      }
    }
    y.update(repeating: 0, count: outer * inner)
    for o in 0..<outer {
      for e in 0..<extent {
        let source = x + (o * extent + e) * inner
        let target = y + o * inner
        for i in 0..<inner { target[i] += source[i] }
      }
    }
    return Tensor.result(shape: resultShape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for o in 0..<outer {
        for e in 0..<extent {
          let target = gx + (o * extent + e) * inner
          let source = g + o * inner
          for i in 0..<inner { target[i] += source[i] }
        }
      }
    }
  }

  /// `axis` as a non-negative index, checked against the rank.
  func resolveAxis(_ axis: Int) -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    precondition(resolved >= 0 && resolved < rank, "axis \(axis) is out of range for shape \(shape)")
    return resolved
  }
}
