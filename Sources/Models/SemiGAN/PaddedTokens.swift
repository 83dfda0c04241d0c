import Randomness
import SearchSpaces
import Tensor

/// Architectures as `[batch, positions, width]` tensors over a token layout: one row per
/// position holding a one-hot (or a generator's soft choice) over that position's tokens, each
/// vocabulary padded with zeros to the layout's largest (`width`).
///
/// The padded form lets one linear map embed every position and one softmax over the last
/// axis choose every position's token; `logitMask` keeps a generator off the padding.
public struct PaddedTokens: Sendable {
  /// The layout the rows follow.
  public let layout: TokenLayout
  /// Number of positions (`layout.count`).
  public let positions: Int
  /// The padded vocabulary width (`layout.maximumVocabularySize`).
  public let width: Int
  /// `[positions * width]`: 0 where position `p` has token `t`, a large negative number on
  /// the padding (added to logits before a softmax).
  public let logitMaskValues: [Float]

  /// The padded form of `layout`.
  public init(_ layout: TokenLayout) {
    self.layout = layout
    positions = layout.count
    width = max(1, layout.maximumVocabularySize)
    var mask = [Float](repeating: -1e9, count: layout.count * max(1, layout.maximumVocabularySize))
    for (p, position) in layout.positions.enumerated() {
      for t in 0..<position.vocabularySize { mask[p * width + t] = 0 }
    }
    logitMaskValues = mask
  }

  /// The additive logit mask as a `[positions, width]` tensor (broadcasts over a batch).
  public func logitMask() -> Tensor {
    Tensor(shape: [positions, width], scalars: logitMaskValues)
  }

  /// The one-hot tensor of token rows, `[rows.count, positions, width]`.
  ///
  /// - Precondition: each row has `positions` tokens inside their vocabularies.
  public func oneHot(_ rows: [[Int]]) -> Tensor {
    var values = [Float](repeating: 0, count: rows.count * positions * width)
    for (r, row) in rows.enumerated() {
      precondition(row.count == positions, "PaddedTokens: \(row.count) tokens for \(positions) positions")
      for (p, token) in row.enumerated() { values[(r * positions + p) * width + token] = 1 }
    }
    return Tensor(shape: [rows.count, positions, width], scalars: values)
  }

  /// The one-hot tensor of pool architectures, `[poolIndices.count, positions, width]`.
  ///
  /// - Precondition: `pool` follows this layout; indices inside the pool.
  public func oneHot(poolIndices: [Int], of pool: PoolTokens) -> Tensor {
    precondition(pool.layout == layout, "PaddedTokens: the pool's layout differs")
    var values = [Float](repeating: 0, count: poolIndices.count * positions * width)
    pool.tokens.withUnsafeBufferPointer { tokens in
      for (r, index) in poolIndices.enumerated() {
        precondition(index >= 0 && index < pool.count, "PaddedTokens: pool index \(index) outside 0..<\(pool.count)")
        for p in 0..<positions { values[(r * positions + p) * width + Int(tokens[index * positions + p])] = 1 }
      }
    }
    return Tensor(shape: [poolIndices.count, positions, width], scalars: values)
  }

  /// Token rows drawn from per-position probabilities `[rows, positions, width]` (row-major
  /// values; padding has probability 0), one categorical draw per position.
  public func sampleTokens(probabilities: [Float], rows: Int, using rng: inout some RandomNumberGenerator) -> [[Int]] {
    precondition(probabilities.count == rows * positions * width, "PaddedTokens: \(probabilities.count) probabilities for \(rows) rows")
    return (0..<rows).map { r in
      (0..<positions).map { p in
        let start = (r * positions + p) * width
        let size = layout.positions[p].vocabularySize
        var total: Float = 0
        for t in 0..<size { total += probabilities[start + t] }
        var target = Float(rng.nextUnit()) * total
        for t in 0..<size {
          target -= probabilities[start + t]
          if target < 0 { return t }
        }
        return size - 1
      }
    }
  }

  /// The most likely token of each position, from scores `[rows, positions, width]`; ties go to
  /// the lower id.
  public func mostLikelyTokens(scores: [Float], rows: Int) -> [[Int]] {
    precondition(scores.count == rows * positions * width, "PaddedTokens: \(scores.count) scores for \(rows) rows")
    return (0..<rows).map { r in
      (0..<positions).map { p in
        let start = (r * positions + p) * width
        var best = 0
        for t in 1..<max(1, layout.positions[p].vocabularySize) where scores[start + t] > scores[start + best] { best = t }
        return best
      }
    }
  }
}
