import BinaryCoding
import Testing

private struct Weights: Codable, Equatable {
  enum Kind: String, Codable { case encoder, decoder }
  var name: String
  var kind: Kind
  var shape: [Int]
  var values: [Float]
  var moments: [Double]
  var bytes: [UInt8]
  var step: Int
  var seed: UInt64
  var flag: Bool
  var optional: Double?
  var nested: [[Float]]
  var table: [String: Int]
}

private func sample() -> Weights {
  Weights(
    name: "gin.layer0.weight ✓", kind: .decoder, shape: [3, 2], values: [1.5, -0.0, .infinity, .leastNonzeroMagnitude, .nan, 7],
    moments: [0.1, -1e300], bytes: [0, 255, 7], step: -42, seed: .max, flag: true, optional: nil,
    nested: [[], [1, 2]], table: ["b": 2, "a": 1, "c": -3])
}

@Suite struct BinaryCodingTests {
  @Test func roundTripKeepsEveryBit() throws {
    let value = sample()
    let decoded = try BinaryDecoder().decode(Weights.self, from: BinaryEncoder().encode(value))
    #expect(decoded.values.map(\.bitPattern) == value.values.map(\.bitPattern))
    #expect(decoded.moments == value.moments)
    #expect(decoded.name == value.name && decoded.kind == value.kind && decoded.shape == value.shape)
    #expect(decoded.bytes == value.bytes && decoded.step == -42 && decoded.seed == .max && decoded.flag)
    #expect(decoded.optional == nil && decoded.nested == value.nested && decoded.table == value.table)
  }

  @Test func equalValuesGiveEqualBytesWhateverTheDictionaryOrder() throws {
    var first = sample()
    var second = sample()
    first.table = [:]
    second.table = [:]
    for key in ["x", "y", "z", "w"] { first.table[key] = key.count }
    for key in ["w", "z", "y", "x"] { second.table[key] = key.count }
    #expect(try BinaryEncoder().encode(first) == BinaryEncoder().encode(second))
  }

  @Test func floatArraysAreStoredAsRawBlocks() throws {
    let values = (0..<10_000).map { Float($0) * 0.5 }
    let bytes = try BinaryEncoder().encode(values)
    #expect(bytes.count == 1 + 8 + 4 * values.count)
    #expect(try BinaryDecoder().decode([Float].self, from: bytes) == values)
  }

  @Test func truncatedOrCorruptBytesAreRefusedNotTrusted() throws {
    let bytes = try BinaryEncoder().encode(sample())
    for cut in [0, 1, 9, bytes.count / 2, bytes.count - 1] {
      #expect(throws: BinaryCodingError.self) { try BinaryDecoder().decode(Weights.self, from: Array(bytes.prefix(cut))) }
    }
    #expect(throws: BinaryCodingError.trailingBytes(count: 1)) { try BinaryDecoder().decode(Weights.self, from: bytes + [0]) }
    var huge = [UInt8](repeating: 0, count: 9)
    huge[0] = 8  // a float block claiming 2^64 - 1 elements
    for index in 1...8 { huge[index] = 0xFF }
    #expect(throws: BinaryCodingError.truncated(offset: 1)) { try BinaryDecoder().decode([Float].self, from: huge) }
  }

  @Test func wrongShapesNameThePath() throws {
    struct Other: Codable { var name: Int }
    #expect(throws: BinaryCodingError.typeMismatch(path: ".name", expected: "an integer", found: "a string")) {
      try BinaryDecoder().decode(Other.self, from: BinaryEncoder().encode(sample()))
    }
    struct Narrow: Codable { var step: UInt8 }
    #expect(throws: BinaryCodingError.self) { try BinaryDecoder().decode(Narrow.self, from: BinaryEncoder().encode(sample())) }
  }
}
