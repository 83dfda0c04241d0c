/// Feature vectors of a whole pool, produced a chunk at a time into one reused buffer.
///
/// Encoding every architecture of NAS-Bench-101's pool at once would hold 423,624 rows
/// (one-hot 45 floats: 76 MB; path 364 floats: 617 MB). This encoder walks the pool in chunks
/// of `chunkSize` rows and hands each chunk to the caller, so memory is one chunk whatever
/// the pool size: score a pool with a predictor, train an auto-encoder epoch by epoch, or
/// fill a caller's own storage.
public struct PoolEncoder: Sendable {
  /// What a row holds.
  public enum Form: Hashable, Sendable {
    /// The space's fixed-length encoding (`SearchSpace.encode(_:as:)`).
    case encoding(EncodingKind)
    /// The one-hot form of the space's token layout.
    case tokens
  }

  /// The space whose pool is encoded.
  public let space: any SearchSpace
  /// What each row holds.
  public let form: Form
  /// Values per row.
  public let width: Int
  /// Rows per chunk.
  public let chunkSize: Int

  /// An encoder of `space`'s pool in `form`, `chunkSize` rows at a time.
  ///
  /// - Precondition: `chunkSize > 0`; an encoding form must be one of `space.encodings`.
  public init(_ space: any SearchSpace, form: Form, chunkSize: Int = 4_096) {
    precondition(chunkSize > 0, "chunk size \(chunkSize) must be positive")
    switch form {
    case .encoding(let kind):
      precondition(space.encodings.contains(kind), "\(space.name) has no \(kind.rawValue) encoding")
      width = space.encodingLength(kind)
    case .tokens:
      width = space.tokenLayout.oneHotLength
    }
    self.space = space
    self.form = form
    self.chunkSize = chunkSize
  }

  /// Writes the rows of pool indices `rows` into `buffer`, `[rows.count, width]` row-major.
  ///
  /// - Precondition: `rows` inside the pool; `buffer.count == rows.count * width`.
  /// - Complexity: O(rows.count x cost of one encoding).
  public func write(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) {
    precondition(rows.lowerBound >= 0 && rows.upperBound <= space.poolSize, "rows \(rows) outside the pool of \(space.poolSize)")
    precondition(buffer.count == rows.count * width, "buffer of \(buffer.count) values for \(rows.count) rows of \(width)")
    let layout = space.tokenLayout
    for (offset, index) in rows.enumerated() {
      let target = UnsafeMutableBufferPointer(rebasing: buffer[(offset * width)..<((offset + 1) * width)])
      let architecture = space.architecture(at: index)
      switch form {
      case .encoding(let kind):
        let features = space.encode(architecture, as: kind)
        _ = target.update(fromContentsOf: features)
      case .tokens:
        guard let tokens = layout.tokens(of: architecture) else { preconditionFailure("\(space.name): pool index \(index) has no tokens") }
        layout.writeOneHot(tokens, into: target)
      }
    }
  }

  /// Calls `body` with every chunk of the pool in order: the pool indices of the chunk and
  /// its rows, `[range.count, width]` row-major, valid only during the call.
  ///
  /// - Complexity: O(pool size x cost of one encoding); memory O(chunkSize x width).
  public func forEachChunk(_ body: (_ range: Range<Int>, _ rows: UnsafeBufferPointer<Float>) throws -> Void) rethrows {
    var buffer = [Float](repeating: 0, count: chunkSize * width)
    var start = 0
    while start < space.poolSize {
      let range = start..<min(start + chunkSize, space.poolSize)
      try buffer.withUnsafeMutableBufferPointer { whole in
        let chunk = UnsafeMutableBufferPointer(rebasing: whole[0..<(range.count * width)])
        write(rows: range, into: chunk)
        try body(range, UnsafeBufferPointer(chunk))
      }
      start = range.upperBound
    }
  }
}
