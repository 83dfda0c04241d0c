import SearchSpaces
import Testing

@Suite struct PoolEncoderTests {
  @Test(arguments: [PoolEncoder.Form.encoding(.oneHot), .encoding(.path), .tokens])
  func chunksCoverThePoolInOrderWithTheSpaceRows(_ form: PoolEncoder.Form) {
    let space = SyntheticSpaces.nasBench201
    let encoder = PoolEncoder(space, form: form, chunkSize: 1_000)
    var next = 0
    var chunks = 0
    encoder.forEachChunk { range, rows in
      #expect(range.lowerBound == next && rows.count == range.count * encoder.width)
      #expect(range.count == (range.lowerBound == 15_000 ? 625 : 1_000))
      for index in stride(from: range.lowerBound, to: range.upperBound, by: 113) {
        let architecture = space.architecture(at: index)
        let expected: [Float]
        switch form {
        case .encoding(let kind): expected = space.encode(architecture, as: kind)
        case .tokens: expected = space.tokenLayout.oneHot(space.tokenLayout.tokens(of: architecture) ?? [])
        }
        let offset = (index - range.lowerBound) * encoder.width
        #expect(Array(rows[offset..<(offset + encoder.width)]) == expected)
      }
      next = range.upperBound
      chunks += 1
    }
    #expect(next == space.poolSize && chunks == 16)
  }

  @Test func compactTokensExpandToTheLayoutOneHot() throws {
    let space = SyntheticSpaces.nasBenchGraph
    let pool = PoolTokens(space)
    #expect(pool.count == space.poolSize && pool.tokens.count == space.poolSize * 8)
    let width = pool.layout.oneHotLength
    var buffer = [Float](repeating: -1, count: 5 * width)
    buffer.withUnsafeMutableBufferPointer { pool.writeOneHot(rows: 100..<105, into: $0) }
    for (offset, index) in (100..<105).enumerated() {
      let tokens = try #require(pool.layout.tokens(of: space.architecture(at: index)))
      #expect(pool.row(index) == tokens)
      #expect(Array(buffer[(offset * width)..<((offset + 1) * width)]) == pool.layout.oneHot(tokens))
    }
  }
}
