/// Shape arithmetic for NumPy-style broadcasting of two operands.
///
/// Axes are aligned from the right; an extent of 1 (or a missing leading axis) stretches to
/// the other operand's extent. A plan walks the result in rows of its innermost (coalesced)
/// axis, giving the element offsets of both operands, so kernels run tight inner loops.
struct BroadcastPlan {
  /// The broadcast result shape.
  let shape: [Int]
  private let extents: [Int]
  private let stridesA: [Int]
  private let stridesB: [Int]

  init(_ a: [Int], _ b: [Int]) {
    let rank = max(a.count, b.count)
    let paddedA = Array(repeating: 1, count: rank - a.count) + a
    let paddedB = Array(repeating: 1, count: rank - b.count) + b
    var shape: [Int] = []
    for (x, y) in zip(paddedA, paddedB) {
      precondition(x == y || x == 1 || y == 1, "broadcast: shapes \(a) and \(b) are incompatible")
      shape.append(x == 1 ? y : x)
    }
    self.shape = shape
    let rawA = BroadcastPlan.strides(paddedA, shape)
    let rawB = BroadcastPlan.strides(paddedB, shape)
    // Coalesce adjacent axes that are contiguous in both operands, innermost first.
    var extents: [Int] = []
    var sa: [Int] = []
    var sb: [Int] = []
    for axis in (0..<rank).reversed() where shape[axis] != 1 {
      if let last = extents.indices.last, sa[last] * extents[last] == rawA[axis],
        sb[last] * extents[last] == rawB[axis]
      {
        extents[last] *= shape[axis]
      } else {
        extents.append(shape[axis])
        sa.append(rawA[axis])
        sb.append(rawB[axis])
      }
    }
    if extents.isEmpty {
      extents = [1]
      sa = [0]
      sb = [0]
    }
    self.extents = extents.reversed()
    self.stridesA = sa.reversed()
    self.stridesB = sb.reversed()
  }

  /// Row-major strides of `padded` inside `shape`, 0 along broadcast axes.
  private static func strides(_ padded: [Int], _ shape: [Int]) -> [Int] {
    var strides = Array(repeating: 0, count: padded.count)
    var step = 1
    for axis in (0..<padded.count).reversed() {
      strides[axis] = padded[axis] == 1 && shape[axis] != 1 ? 0 : step
      step *= padded[axis]
    }
    return strides
  }

  /// The length of each row and the operands' strides within a row.
  var row: (length: Int, strideA: Int, strideB: Int) {
    (extents[extents.count - 1], stridesA[stridesA.count - 1], stridesB[stridesB.count - 1])
  }

  /// Calls `body(resultOffset, offsetA, offsetB)` at the start of every row.
  @inline(__always)
  func forEachRow(_ body: (Int, Int, Int) -> Void) {
    let outer = extents.count - 1
    let length = extents[outer]
    if outer == 0 {
      body(0, 0, 0)
      return
    }
    var index = Array(repeating: 0, count: outer)
    var offsetA = 0
    var offsetB = 0
    var resultOffset = 0
    while true {
      body(resultOffset, offsetA, offsetB)
      resultOffset += length
      var axis = outer - 1
      while axis >= 0 {
        index[axis] += 1
        offsetA += stridesA[axis]
        offsetB += stridesB[axis]
        if index[axis] < extents[axis] { break }
        offsetA -= stridesA[axis] * extents[axis]
        offsetB -= stridesB[axis] * extents[axis]
        index[axis] = 0
        axis -= 1
      }
      if axis < 0 { return }
    }
  }
}
