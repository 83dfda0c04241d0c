/// A small, fast, splittable pseudo-random generator (xoshiro256**), seeded explicitly.
///
/// Every random choice in NASArena flows from one of these, passed as `inout` to the code
/// that needs it; there is no global random state. The generator is a value type, so copying
/// it copies its stream, and `derived(_:)` makes independent child streams from stable labels
/// (a trial seed and a method name, say) without advancing the parent.
///
/// Source: Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
/// 2021 (<https://prng.di.unimi.it>). The state is filled from the seed with SplitMix64, as
/// the authors recommend.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// The seed this generator was created from (kept for manifests and error messages).
  public let seed: UInt64

  /// Creates a generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    var mixer = SplitMix64(state: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
  }

  /// Returns the next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  /// An independent generator for the child stream named `label`.
  ///
  /// The child depends only on this generator's seed and the label, not on how much of
  /// this stream has been used, so `derived("trial-3")` is the same at any point of a run.
  public func derived(_ label: String) -> SeededGenerator {
    SeededGenerator(seed: StableHash.combine(seed, StableHash.of(label)))
  }

  /// An independent generator for the child stream numbered `index`.
  public func derived(_ index: Int) -> SeededGenerator {
    SeededGenerator(seed: StableHash.combine(seed, UInt64(bitPattern: Int64(index))))
  }
}

@inlinable
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
  (x << k) | (x >> (64 - k))
}

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), used to expand a seed into a state.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
