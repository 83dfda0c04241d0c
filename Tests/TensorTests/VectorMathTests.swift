import Randomness
import Tensor
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The eight-lane `exp`, `log` and `sin`/`cos` against the C library, in units in the last
/// place, over wide random ranges and the special values.
@Suite struct VectorMathTests {
  /// Distance in representable floats between `a` and `b`.
  static func ulps(_ a: Float, _ b: Float) -> Int {
    if a == b || (a.isNaN && b.isNaN) { return 0 }
    if a.isNaN != b.isNaN || a.isInfinite || b.isInfinite { return .max }
    func ordered(_ x: Float) -> Int64 {
      let bits = Int64(x.bitPattern)
      return x.sign == .minus ? -(bits & 0x7FFF_FFFF) : bits
    }
    return Int(Swift.abs(ordered(a) - ordered(b)))
  }

  static func worst(_ inputs: [Float], _ vector: (SIMD8<Float>) -> SIMD8<Float>, _ scalar: (Float) -> Float) -> (Int, Float) {
    var (worst, at): (Int, Float) = (0, 0)
    for start in stride(from: 0, to: inputs.count, by: 8) {
      var lanes = SIMD8<Float>()
      for lane in 0..<8 { lanes[lane] = inputs[(start + lane) % inputs.count] }
      let result = vector(lanes)
      for lane in 0..<8 {
        let error = ulps(result[lane], scalar(lanes[lane]))
        if error > worst { (worst, at) = (error, lanes[lane]) }
      }
    }
    return (worst, at)
  }

  @Test func expIsWithinTwoUlpsAndHandlesSpecialValues() {
    var rng = SeededGenerator(seed: 1)
    let inputs = (0..<100_000).map { _ in Float(rng.nextUnit() * 180 - 90) } + (0..<20_000).map { _ in Float(rng.nextUnit() * 2 - 1) }
    let (error, at) = Self.worst(inputs, VectorMath.exp, expf)
    #expect(error <= 2, "exp: \(error) ulp at \(at)")
    let special: [Float] = [0, -0, 1, -1, 88.5, 89, -87.5, -100, -104, .infinity, -.infinity, .nan]
    #expect(Self.worst(special, VectorMath.exp, expf).0 == 0)
  }

  @Test func logIsWithinTwoUlpsAndHandlesSpecialValues() {
    var rng = SeededGenerator(seed: 2)
    let inputs = (0..<100_000).map { _ in Float(foundationExp2(rng.nextUnit() * 250 - 125)) } + (0..<20_000).map { _ in Float(0.5 + rng.nextUnit()) }
    let (error, at) = Self.worst(inputs, VectorMath.log, logf)
    #expect(error <= 2, "log: \(error) ulp at \(at)")
    let special: [Float] = [
      1, 0, -0, -1, .leastNonzeroMagnitude, .leastNormalMagnitude / 1024, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
    ]
    #expect(Self.worst(special, VectorMath.log, logf).0 == 0)
  }

  @Test func sinAndCosAreAccurateOnAWholeTurn() {
    var rng = SeededGenerator(seed: 3)
    let inputs = (0..<100_000).map { _ in Float(rng.nextUnit() * 2 * Double.pi - Double.pi) } + [0, .pi, -.pi, .pi / 2, -.pi / 2]
    for start in stride(from: 0, to: inputs.count, by: 8) {
      var lanes = SIMD8<Float>()
      for lane in 0..<8 { lanes[lane] = inputs[(start + lane) % inputs.count] }
      let (sine, cosine) = VectorMath.sinCos(lanes)
      for lane in 0..<8 {
        #expect(Swift.abs(sine[lane] - sinf(lanes[lane])) < 2e-7, "sin(\(lanes[lane]))")
        #expect(Swift.abs(cosine[lane] - cosf(lanes[lane])) < 2e-7, "cos(\(lanes[lane]))")
      }
    }
  }

  @Test func tensorOpsUseTheLanesForEveryElementIncludingTheTail() {
    let x = Tensor(shape: [11], scalars: (0..<11).map { Float($0) * 0.37 - 2 })
    let lanes = (0..<11).map { VectorMath.exp(SIMD8(repeating: x.scalars[$0]))[0] }
    #expect(x.exp().scalars == lanes)
    #expect(zip(x.exp().scalars, x.scalars.map(expf)).allSatisfy { Self.ulps($0, $1) <= 2 })
  }
}

private func foundationExp2(_ x: Double) -> Double { exp2(x) }

/// The eight-lane Box-Muller sampler behind `Tensor(randomNormal:)`.
@Suite struct NormalSamplerTests {
  @Test func samplesHaveStandardNormalMomentsTailsAndBounds() {
    var rng = SeededGenerator(seed: 11)
    let values = Tensor(randomNormal: [400_001], using: &rng).scalars.map(Double.init)
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
    let kurtosis = values.map { pow(($0 - mean) * ($0 - mean), 2) }.reduce(0, +) / n / (variance * variance)
    #expect(Swift.abs(mean) < 0.01)
    #expect(Swift.abs(variance - 1) < 0.01)
    #expect(Swift.abs(kurtosis - 3) < 0.05)
    // P(|z| > 3) = 0.0027; bounded by √(2·31·ln 2) = 6.56 from 31-bit uniforms.
    let beyondThree = Double(values.filter { Swift.abs($0) > 3 }.count) / n
    #expect(Swift.abs(beyondThree - 0.0027) < 0.0005)
    #expect(values.allSatisfy { Swift.abs($0) <= 6.56 })
    // Pairs (cos, sin) are uncorrelated.
    let pairs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] * values[$0 + 1] }
    #expect(Swift.abs(pairs.reduce(0, +) / Double(pairs.count)) < 0.01)
  }

  @Test func meanAndSpreadScaleAndOddCountsUseOneDrawPerPair() {
    var a = SeededGenerator(seed: 5)
    var b = SeededGenerator(seed: 5)
    let standard = Tensor(randomNormal: [7], using: &a).scalars
    let scaled = Tensor(randomNormal: [7], mean: 2, standardDeviation: 3, using: &b).scalars
    for (z, x) in zip(standard, scaled) { #expect(Swift.abs(x - (2 + 3 * z)) < 1e-5) }
    // Seven values take four draws: both generators are now at the same place.
    #expect(a.next() == b.next())
    var c = SeededGenerator(seed: 5)
    for _ in 0..<4 { _ = c.next() }
    var d = SeededGenerator(seed: 5)
    _ = Tensor(randomNormal: [7], using: &d)
    #expect(c.next() == d.next())
  }
}
