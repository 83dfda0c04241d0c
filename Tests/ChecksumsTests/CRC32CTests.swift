import Testing

@testable import Checksums

@Suite struct CRC32CTests {
  /// Bit-at-a-time CRC-32C, the definition the table-driven code must match.
  static func bitwise(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return ~crc
  }

  struct Vector: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let crc: UInt32
    var testDescription: String { name }
  }

  /// The check value of the CRC catalogue and the test vectors of RFC 3720, appendix B.4.
  static let vectors = [
    Vector(name: "'123456789'", bytes: Array("123456789".utf8), crc: 0xE306_9283),
    Vector(name: "32 zero bytes", bytes: [UInt8](repeating: 0, count: 32), crc: 0x8A91_36AA),
    Vector(name: "32 bytes 0xFF", bytes: [UInt8](repeating: 0xFF, count: 32), crc: 0x62A8_AB43),
    Vector(name: "0, 1, ..., 31", bytes: (0..<32).map(UInt8.init), crc: 0x46DD_794E),
    Vector(name: "31, 30, ..., 0", bytes: (0..<32).reversed().map(UInt8.init), crc: 0x113F_DB5C),
    Vector(name: "empty", bytes: [], crc: 0),
  ]

  @Test(arguments: vectors) func knownVectors(vector: Vector) {
    #expect(CRC32C.checksum(vector.bytes) == vector.crc)
    #expect(Self.bitwise(vector.bytes) == vector.crc)
  }

  @Test func everyLengthAndAlignmentMatchesTheBitwiseDefinition() {
    var state: UInt64 = 12345
    let bytes: [UInt8] = (0..<300).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
    for start in 0..<9 {
      for length in stride(from: 0, to: 290, by: 7) {
        let slice = Array(bytes[start..<start + length])
        #expect(CRC32C.checksum(bytes[start..<start + length]) == Self.bitwise(slice), "start \(start), length \(length)")
      }
    }
  }

  @Test func checksumsContinueOverPieces() {
    let text = Array("{\"kind\":\"query\",\"task\":\"nb201-cifar10\",\"trial\":3}".utf8)
    for cut in [0, 1, 7, 8, 9, 30, text.count] {
      #expect(CRC32C.checksum(text[cut...], continuing: CRC32C.checksum(text[..<cut])) == CRC32C.checksum(text))
    }
  }
}

/// The `crc32` instruction and the tables agree on every length and alignment.
@Suite struct CRC32CImplementationTests {
  @Test func theTablesGiveWhatChecksumGives() {
    var state: UInt64 = 777
    let bytes: [UInt8] = (0..<200).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
    for start in 0..<9 {
      for length in 0..<(bytes.count - start) {
        bytes[start..<start + length].withUnsafeBytes { piece in
          for previous: UInt32 in [0, 0xDEAD_BEEF] {
            #expect(CRC32C.tableChecksum(piece, continuing: previous) == CRC32C.checksum(piece, continuing: previous))
          }
        }
      }
    }
  }
}
