import Randomness
import Tensor
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct CholeskyFactorizationTests {
  /// A random symmetric positive-definite matrix `M Mᵀ + n I`.
  static func randomSPD(_ n: Int, seed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    let m = (0..<(n * n)).map { _ in rng.nextNormal() }
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        a[i * n + j] = (0..<n).reduce(0) { $0 + m[i * n + $1] * m[j * n + $1] } + (i == j ? Double(n) : 0)
      }
    }
    return a
  }
}

extension CholeskyFactorizationTests {
  @Test func solveInvertsTheMatrix() throws {
    let n = 7
    let a = Self.randomSPD(n, seed: 3)
    let b = (0..<n).map { Double($0) - 2.5 }
    let x = try CholeskyFactorization(a, size: n).solve(b)
    for i in 0..<n {
      let row = (0..<n).reduce(0) { $0 + a[i * n + $1] * x[$1] }
      #expect(Swift.abs(row - b[i]) < 1e-10)
    }
  }

  @Test func logDeterminantMatchesAKnownMatrix() throws {
    // det [[4, 2], [2, 3]] = 8.
    let factor = try CholeskyFactorization([4, 2, 2, 3], size: 2)
    #expect(Swift.abs(factor.logDeterminant - Glibc.log(8)) < 1e-12)
    let inverse = factor.inverse()
    let expected = [3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8]
    for (value, reference) in zip(inverse, expected) { #expect(Swift.abs(value - reference) < 1e-12) }
  }

  @Test func indefiniteMatricesAreRejected() {
    #expect(throws: LinearAlgebraError.notPositiveDefinite(pivotIndex: 1, pivot: -3)) {
      try CholeskyFactorization([1, 2, 2, 1], size: 2)
    }
  }

  @Test func jitterRescuesASingularMatrix() throws {
    let factor = try CholeskyFactorization([1, 1, 1, 1], size: 2, jitter: 1e-6)
    #expect(factor.logDeterminant < -10)
  }
}
