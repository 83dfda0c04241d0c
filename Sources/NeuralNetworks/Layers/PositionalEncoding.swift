import Tensor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fixed sinusoidal position vectors, the transformer standard (Vaswani et al. 2017,
/// "Attention Is All You Need", <https://arxiv.org/abs/1706.03762>, section 3.5).
///
/// For position `p` and `i` in `0..<dimension / 2`: column `2i` is `sin(p / 10000^(2i / d))`
/// and column `2i + 1` is `cos(p / 10000^(2i / d))`, with `d = dimension`; an odd dimension
/// ends with one more sine column. Computed in Double, rounded once to Float. A
/// DiffusionNAG-style score network adds these to its operation embeddings at the cell's node
/// positions.
public enum PositionalEncoding {
  /// The encodings of `positions`.
  ///
  /// - Parameters:
  ///   - positions: Non-negative positions (node indices of a cell, token indices).
  ///   - dimension: The model width, at least 1.
  /// - Returns: `[positions.count, dimension]`, a constant (no gradient).
  public static func sinusoidal(positions: [Int], dimension: Int) -> Tensor {
    precondition(dimension >= 1, "PositionalEncoding: dimension must be at least 1, got \(dimension)")
    var scalars = [Float](repeating: 0, count: positions.count * dimension)
    let frequencies = (0..<((dimension + 1) / 2)).map { i in 1 / pow(10_000, Double(2 * i) / Double(dimension)) }
    for (row, position) in positions.enumerated() {
      precondition(position >= 0, "PositionalEncoding: position \(position) is negative")
      for (i, frequency) in frequencies.enumerated() {
        let angle = Double(position) * frequency
        scalars[row * dimension + 2 * i] = Float(sin(angle))
        if 2 * i + 1 < dimension { scalars[row * dimension + 2 * i + 1] = Float(cos(angle)) }
      }
    }
    return Tensor(shape: [positions.count, dimension], scalars: scalars)
  }

  /// The encodings of positions `0..<length`: `[length, dimension]`.
  public static func sinusoidal(length: Int, dimension: Int) -> Tensor {
    sinusoidal(positions: Array(0..<max(length, 0)), dimension: dimension)
  }
}
