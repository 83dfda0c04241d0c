import SearchSpaces
import Testing

@Suite struct MD5Tests {
  /// The RFC 1321 test suite (appendix A.5), plus a two-block message.
  static let vectors: [(String, String)] = [
    ("", "d41d8cd98f00b204e9800998ecf8427e"),
    ("a", "0cc175b9c0f1b6a831c399e269772661"),
    ("abc", "900150983cd24fb0d6963f7d28e17f72"),
    ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
    ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
  ]

  @Test(arguments: vectors.indices)
  func standardVectors(_ index: Int) {
    let (message, digest) = Self.vectors[index]
    #expect(String(decoding: MD5.hexDigest(of: Array(message.utf8)), as: UTF8.self) == digest)
    #expect(MD5.digest(of: Array(message.utf8)).count == 16)
  }

  @Test func paddingBoundaries() {
    // 55 and 56 bytes take one and two padded blocks (values from md5sum).
    #expect(String(decoding: MD5.hexDigest(of: [UInt8](repeating: 0x61, count: 55)), as: UTF8.self) == "ef1772b6dff9a122358552954ad0df65")
    #expect(String(decoding: MD5.hexDigest(of: [UInt8](repeating: 0x61, count: 56)), as: UTF8.self) == "3b0c8ac703f828b04c6c197006d17218")
  }

  /// The fingerprint of the smallest NAS-Bench-101 cell (input -> output), as stored in row
  /// 6,992 of the pool file (`NASBench101Tests` finds it there).
  @Test func moduleHashOfTheTwoVertexCell() throws {
    let direct = Architecture(operations: [0, 4, 5, 5, 5, 5, 5], connections: [1] + [UInt8](repeating: 0, count: 20))
    #expect(NASBench101Space.moduleHash(of: direct) == "043721b9c7fe8c5fad811d47d83132ec")
    #expect(NASBench101Space.moduleHash(of: Architecture(operations: [0, 4, 5, 5, 5, 5, 5], connections: [UInt8](repeating: 0, count: 21))) == nil)
  }
}
