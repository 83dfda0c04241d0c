#if canImport(Glibc)
  import Glibc
#endif

/// Softmax and log-softmax over the last axis.
extension Tensor {
  /// Probabilities `e^x / Σ e^x` over the last axis; same shape as `self`.
  public func softmax() -> Tensor {
    let (rows, width) = rowsAndWidth()
    let storage = Tensor.allocate(shape)
    let x = pointer
    let y = storage.base
    for r in 0..<rows {
      let (source, target) = (x + r * width, y + r * width)
      var largest = -Float.infinity
      for j in 0..<width { largest = max(largest, source[j]) }
      var total: Float = 0
      for j in 0..<width {
        target[j] = expf(source[j] - largest)
        total += target[j]
      }
      let inverse = 1 / total
      for j in 0..<width { target[j] *= inverse }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for r in 0..<rows {
        let (p, gr, out) = (y + r * width, g + r * width, gx + r * width)
        var dot: Float = 0
        for j in 0..<width { dot += gr[j] * p[j] }
        for j in 0..<width { out[j] += p[j] * (gr[j] - dot) }
      }
    }
  }

  /// `x - log Σ e^x` over the last axis, computed stably; same shape as `self`.
  public func logSoftmax() -> Tensor {
    let (rows, width) = rowsAndWidth()
    let storage = Tensor.allocate(shape)
    let x = pointer
    let y = storage.base
    for r in 0..<rows {
      let (source, target) = (x + r * width, y + r * width)
      var largest = -Float.infinity
      for j in 0..<width { largest = max(largest, source[j]) }
      var total: Float = 0
      for j in 0..<width { total += expf(source[j] - largest) }
      let logTotal = largest + logf(total)
      for j in 0..<width { target[j] = source[j] - logTotal }
    }
    return Tensor.result(shape: shape, storage: storage, inputs: [self]) { [self] g in
      let gx = gradientPointer()
      for r in 0..<rows {
        let (logP, gr, out) = (y + r * width, g + r * width, gx + r * width)
        var total: Float = 0
        for j in 0..<width { total += gr[j] }
        for j in 0..<width { out[j] += gr[j] - expf(logP[j]) * total }
      }
    }
  }

  /// The number of rows and the extent of the last axis.
  func rowsAndWidth() -> (rows: Int, width: Int) {
    precondition(rank >= 1, "expected at least one axis, got a scalar")
    let width = shape[rank - 1]
    return (width == 0 ? 0 : count / width, width)
  }
}
