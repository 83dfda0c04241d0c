/// The MD5 message digest (RFC 1321), needed only because the NAS-Bench-101 module hash is
/// defined with it. Not for security.
public enum MD5 {
  private static let shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]
  /// floor(2^32 * |sin(i + 1)|), written out so the digest never depends on a libm.
  private static let sines: [UInt32] = [
    0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
    0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
    0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
    0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
    0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
    0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
    0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
    0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
  ]
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The 16-byte digest of `message`.
  ///
  /// - Complexity: O(n).
  public static func digest(of message: [UInt8]) -> [UInt8] {
    let state = words(of: message)
    return [state.0, state.1, state.2, state.3].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(8 * $0)) } }
  }

  /// The digest of `message` as 32 lowercase hexadecimal ASCII bytes (Python's
  /// `hexdigest()`).
  ///
  /// - Complexity: O(n).
  public static func hexDigest(of message: [UInt8]) -> [UInt8] {
    let state = words(of: message)
    return [UInt8](unsafeUninitializedCapacity: 32) { text, count in
      hexDigits.withUnsafeBufferPointer { digits in
        for (position, word) in [state.0, state.1, state.2, state.3].enumerated() {
          for byte in 0..<4 {
            let value = Int((word >> UInt32(8 * byte)) & 0xff)
            text[8 * position + 2 * byte] = digits[value >> 4]
            text[8 * position + 2 * byte + 1] = digits[value & 15]
          }
        }
      }
      count = 32
    }
  }

  /// The four state words after hashing `message` (digest bytes in little-endian order).
  private static func words(of message: [UInt8]) -> (UInt32, UInt32, UInt32, UInt32) {
    var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    let fullBlocks = message.count / 64
    shifts.withUnsafeBufferPointer { s in
      sines.withUnsafeBufferPointer { k in
        message.withUnsafeBytes { input in
          for block in 0..<fullBlocks { compress(input, at: block * 64, state: &state, shifts: s, sines: k) }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
          let remainder = message.count - fullBlocks * 64
          for i in 0..<remainder { tail[i] = message[fullBlocks * 64 + i] }
          tail[remainder] = 0x80
          let tailLength = remainder < 56 ? 64 : 128
          for i in (remainder + 1)..<(tailLength - 8) { tail[i] = 0 }
          let bitLength = UInt64(message.count) &* 8
          for byte in 0..<8 { tail[tailLength - 8 + byte] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * byte)) }
          let raw = UnsafeRawBufferPointer(start: tail.baseAddress, count: tailLength)
          for block in 0..<(tailLength / 64) { compress(raw, at: block * 64, state: &state, shifts: s, sines: k) }
        }
      }
    }
    return state
  }

  @inline(__always)
  private static func compress(
    _ input: UnsafeRawBufferPointer, at offset: Int, state: inout (UInt32, UInt32, UInt32, UInt32),
    shifts s: UnsafeBufferPointer<UInt32>, sines k: UnsafeBufferPointer<UInt32>
  ) {
    var (a, b, c, d) = state
    for i in 0..<64 {
      var f: UInt32
      let g: Int
      switch i >> 4 {
      case 0:
        f = (b & c) | (~b & d)
        g = i
      case 1:
        f = (d & b) | (~d & c)
        g = (5 * i + 1) & 15
      case 2:
        f = b ^ c ^ d
        g = (3 * i + 5) & 15
      default:
        f = c ^ (b | ~d)
        g = (7 * i) & 15
      }
      let word = UInt32(littleEndian: input.loadUnaligned(fromByteOffset: offset + 4 * g, as: UInt32.self))
      f = f &+ a &+ k[i] &+ word
      a = d
      d = c
      c = b
      b = b &+ ((f << s[i]) | (f >> (32 - s[i])))
    }
    state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
  }
}
