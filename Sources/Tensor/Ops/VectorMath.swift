#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
  import _Builtin_intrinsics.intel
#endif

/// `exp`, `log` and `sin`/`cos` on eight Float lanes at once.
///
/// The C library evaluates one value per call, which keeps the elementwise loops of small
/// tensors scalar (an `expf` call costs about as much as eight lanes of the polynomial below).
/// These are the single-precision Cephes approximations (Moshier, "Methods and Programs for
/// Mathematical Functions", 1989): range reduction by powers of two or quarter turns, then a
/// short polynomial. Errors are within 2 ulp of the true value on the reduced ranges. Lanes
/// outside the ranges the polynomials cover (overflow, underflow, zero, negative, subnormal,
/// infinite or NaN arguments) are recomputed with the C library, so those cases behave exactly
/// like `expf` and `logf`.
public enum VectorMath {
  /// Eight Float lanes.
  public typealias Lanes = SIMD8<Float>

  /// `e^x` per lane.
  @inline(__always)
  public static func exp(_ x: Lanes) -> Lanes {
    // |x| <= 87 keeps 2^n a normal float; other lanes (and NaN) are redone with `expf`.
    let outside = (bitPattern(87) &- (bitPattern(x) & 0x7FFF_FFFF)) &>> 31
    let clamped = select(outside, Lanes(), x)
    let whole = roundedToIntegers(clamped * 1.442_695_04)
    let n = floats(whole)
    let r = clamped - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = Lanes(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    p = p * (r * r) + r + 1
    var result = p * fromBits((whole &+ 127) &<< 23)
    if anyLane(outside) {
      for lane in 0..<Lanes.scalarCount where outside[lane] != 0 { result[lane] = expf(x[lane]) }
    }
    return result
  }

  /// Natural logarithm per lane.
  @inline(__always)
  public static func log(_ x: Lanes) -> Lanes {
    // Positive normal finite inputs take the polynomial path; others are redone with `logf`.
    let bits = bitPattern(x)
    let outside = ((bits &- 0x0080_0000) | (0x7F7F_FFFF &- bits)) &>> 31
    let exponent = floats((bits &>> 23) &- 126)
    // The mantissa as a float in [0.5, 1), doubled (and the exponent lowered) below √½.
    let mantissa = (bits & 0x007F_FFFF) | 0x3F00_0000
    let low = (mantissa &- bitPattern(0.707_106_781_186_547_524)) &>> 31
    let half = fromBits(mantissa)
    let m = select(low, half + half - 1, half - 1)
    let e = select(low, exponent - 1, exponent)
    let z = m * m
    var p = Lanes(repeating: 7.037_683_629_2e-2)
    p = p * m - 1.151_461_031_0e-1
    p = p * m + 1.167_699_874_0e-1
    p = p * m - 1.242_014_084_6e-1
    p = p * m + 1.424_932_278_7e-1
    p = p * m - 1.666_805_766_5e-1
    p = p * m + 2.000_071_476_5e-1
    p = p * m - 2.499_999_399_3e-1
    p = p * m + 3.333_333_117_4e-1
    var y = p * m * z
    y += e * -2.121_944_40e-4
    y -= 0.5 * z
    var result = m + y + e * 0.693_359_375
    if anyLane(outside) {
      for lane in 0..<Lanes.scalarCount where outside[lane] != 0 { result[lane] = logf(x[lane]) }
    }
    return result
  }

  /// `(sin θ, cos θ)` per lane, for `θ` in `[-π, π]` (a quarter-turn reduction; larger angles
  /// lose accuracy).
  @inline(__always)
  public static func sinCos(_ theta: Lanes) -> (sin: Lanes, cos: Lanes) {
    let quarters = roundedToIntegers(theta * 0.636_619_772_367_581_34)
    let quarter = floats(quarters)
    let r = ((theta - quarter * 1.570_312_5) - quarter * 4.837_512_969_970_703_125e-4) - quarter * 7.549_789_954_891_882_16e-8
    let z = r * r
    var s = Lanes(repeating: -1.951_529_589_1e-4)
    s = s * z + 8.332_160_873_6e-3
    s = s * z - 1.666_665_461_1e-1
    let sine = r + r * z * s
    var c = Lanes(repeating: 2.443_315_711_809_948e-5)
    c = c * z - 1.388_731_625_493_765e-3
    c = c * z + 4.166_664_568_298_827e-2
    let cosine = 1 - 0.5 * z + z * z * c
    // θ = q π/2 + r: odd quadrants swap sin and cos; sin flips sign for q = 2, 3 and cos for
    // q = 1, 2 (sign bits set with integer arithmetic, no lane loops).
    let swap = 0 &- (quarters & 1)
    let sinSign = (quarters & 2) &<< 30
    let cosSign = ((quarters &+ 1) & 2) &<< 30
    return (fromBits(bitPattern(select(swap, cosine, sine)) ^ sinSign), fromBits(bitPattern(select(swap, sine, cosine)) ^ cosSign))
  }

  /// `max(x, 0)` per lane (negative zero becomes zero).
  @inline(__always)
  public static func positivePart(_ x: Lanes) -> Lanes {
    let bits = bitPattern(x)
    return fromBits(bits & ~(bits &>> 31))
  }

  /// `|x|` per lane.
  @inline(__always)
  public static func magnitude(_ x: Lanes) -> Lanes { fromBits(bitPattern(x) & 0x7FFF_FFFF) }

  /// Lanes of `a` where `mask` is all ones, of `b` where it is zero (bitwise, so no lane loop).
  @inline(__always)
  static func select(_ mask: SIMD8<Int32>, _ a: Lanes, _ b: Lanes) -> Lanes {
    fromBits((bitPattern(a) & mask) | (bitPattern(b) & ~mask))
  }

  @inline(__always)
  static func bitPattern(_ x: Lanes) -> SIMD8<Int32> { unsafeBitCast(x, to: SIMD8<Int32>.self) }

  @inline(__always)
  static func bitPattern(_ x: Float) -> Int32 { Int32(bitPattern: x.bitPattern) }

  @inline(__always)
  static func fromBits(_ bits: SIMD8<Int32>) -> Lanes { unsafeBitCast(bits, to: Lanes.self) }

  /// Whether any lane of `mask` is non-zero.
  @inline(__always)
  static func anyLane(_ mask: SIMD8<Int32>) -> Bool {
    #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
      let vector = unsafeBitCast(mask, to: __m256i.self)
      return _mm256_testz_si256(vector, vector) == 0
    #else
      return mask != SIMD8()
    #endif
  }

  /// The nearest integers (ties to even) of lanes within the `Int32` range, as one
  /// conversion instruction where available (the generic `SIMD8<Int32>(_:)` converts lane by
  /// lane with a range check each).
  @inline(__always)
  public static func roundedToIntegers(_ x: Lanes) -> SIMD8<Int32> {
    #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
      return unsafeBitCast(_mm256_cvtps_epi32(x), to: SIMD8<Int32>.self)
    #else
      var result = SIMD8<Int32>()
      for lane in 0..<Lanes.scalarCount { result[lane] = Int32(x[lane].rounded(.toNearestOrEven)) }
      return result
    #endif
  }

  /// The lanes of `x` as floats, as one conversion instruction where available.
  @inline(__always)
  public static func floats(_ x: SIMD8<Int32>) -> Lanes {
    #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
      return _mm256_cvtepi32_ps(unsafeBitCast(x, to: __m256i.self))
    #else
      var result = Lanes()
      for lane in 0..<Lanes.scalarCount { result[lane] = Float(x[lane]) }
      return result
    #endif
  }

  /// Reads up to eight values (the rest of the lanes hold `fill`).
  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>, count: Int, fill: Float = 0) -> Lanes {
    if count >= Lanes.scalarCount { return UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self) }
    var lanes = Lanes(repeating: fill)
    for lane in 0..<count { lanes[lane] = pointer[lane] }
    return lanes
  }

  /// Writes the first `count` (at most eight) lanes.
  @inline(__always)
  static func store(_ lanes: Lanes, to pointer: UnsafeMutablePointer<Float>, count: Int) {
    if count >= Lanes.scalarCount {
      UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
    } else {
      for lane in 0..<count { pointer[lane] = lanes[lane] }
    }
  }
}
