/// Hashes that are the same on every machine, run and Swift release.
///
/// Swift's `Hasher` is randomly seeded per process, so seeds derived from names (a task, a
/// method, a trial) use these instead: FNV-1a over UTF-8 bytes, finished with the SplitMix64
/// mixer, and an order-dependent combination of 64-bit values.
public enum StableHash {
  /// A stable 64-bit hash of a string's UTF-8 bytes.
  public static func of(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return mix(hash)
  }

  /// Combines two values into one; `combine(a, b) != combine(b, a)` in general.
  public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
    mix(a ^ (mix(b) &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2)))
  }

  /// Combines a sequence of values, in order.
  public static func combine(_ values: [UInt64]) -> UInt64 {
    values.reduce(0x243F_6A88_85A3_08D3) { combine($0, $1) }
  }

  /// The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
