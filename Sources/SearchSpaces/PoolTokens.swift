/// The token row of every pool architecture, one byte per token: the pool in compact form.
///
/// A generator or auto-encoder over the whole unlabelled pool keeps this matrix (NAS-Bench-101:
/// 423,624 x 28 bytes = 11.9 MB, where one-hot floats would take 124 MB) and expands chunks of
/// it with `writeOneHot(rows:into:)` into a buffer of its own, so memory stays bounded.
public struct PoolTokens: Sendable {
  /// The layout of each row.
  public let layout: TokenLayout
  /// Number of rows (the pool size).
  public let count: Int
  /// `[count, layout.count]` token ids, row-major.
  public let tokens: [UInt8]

  /// Encodes every pool architecture of `space`.
  ///
  /// - Precondition: every vocabulary has at most 256 tokens and every pool architecture has
  ///   tokens (true of every space here: the layouts cover the canonical forms).
  /// - Complexity: O(pool size x positions).
  public init(_ space: any SearchSpace) {
    let layout = space.tokenLayout
    precondition(layout.maximumVocabularySize <= 256, "\(space.name): a vocabulary of \(layout.maximumVocabularySize) tokens does not fit a byte")
    var tokens = [UInt8](repeating: 0, count: space.poolSize * layout.count)
    for index in 0..<space.poolSize {
      guard let row = layout.tokens(of: space.architecture(at: index)) else {
        preconditionFailure("\(space.name): pool index \(index) has no tokens")
      }
      for (position, token) in row.enumerated() { tokens[index * layout.count + position] = UInt8(token) }
    }
    self.layout = layout
    self.count = space.poolSize
    self.tokens = tokens
  }

  /// The token ids of pool index `index`.
  ///
  /// - Precondition: `0 <= index < count`.
  public func row(_ index: Int) -> [Int] {
    precondition(index >= 0 && index < count, "pool index \(index) outside 0..<\(count)")
    let start = index * layout.count
    return tokens[start..<(start + layout.count)].map(Int.init)
  }

  /// Writes the one-hot form of the pool indices `rows` into `buffer`,
  /// `[rows.count, layout.oneHotLength]` row-major.
  ///
  /// - Precondition: `rows` inside `0..<count`; `buffer.count == rows.count * layout.oneHotLength`.
  /// - Complexity: O(rows.count x oneHotLength).
  public func writeOneHot(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) {
    precondition(rows.lowerBound >= 0 && rows.upperBound <= count, "rows \(rows) outside 0..<\(count)")
    let width = layout.oneHotLength
    precondition(buffer.count == rows.count * width, "buffer of \(buffer.count) values for \(rows.count) rows of \(width)")
    let sizes = layout.positions.map(\.vocabularySize)
    buffer.update(repeating: 0)
    tokens.withUnsafeBufferPointer { source in
      for (offset, index) in rows.enumerated() {
        var column = offset * width
        for (position, size) in sizes.enumerated() {
          buffer[column + Int(source[index * sizes.count + position])] = 1
          column += size
        }
      }
    }
  }
}
