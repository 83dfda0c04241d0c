#if canImport(Glibc)
  import Glibc
#endif

/// Why a factorisation failed.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
  /// A pivot was not positive: the matrix is not (numerically) positive definite.
  case notPositiveDefinite(pivotIndex: Int, pivot: Double)

  public var description: String {
    switch self {
    case .notPositiveDefinite(let index, let pivot):
      return "Cholesky: pivot \(index) is \(pivot); the matrix must be symmetric positive definite"
    }
  }
}

/// The Cholesky factor `L` (lower triangular, `A = L Lᵀ`) of a symmetric positive-definite
/// matrix, in Float64 for Bayesian heads (DNGO's Bayesian linear regression, Gaussian
/// processes), where Float32 loses too much precision in solves and log-determinants.
public struct CholeskyFactorization: Sendable {
  /// The matrix order `n`.
  public let size: Int
  /// `L`, row-major `[n, n]`, zero above the diagonal.
  public let lower: [Double]

  /// Factorises `matrix` (row-major `[size, size]`, only the lower triangle is read).
  ///
  /// - Parameter jitter: Added to the diagonal first (e.g. `1e-8` for kernel matrices).
  /// - Throws: `LinearAlgebraError.notPositiveDefinite` on a non-positive pivot.
  /// - Complexity: O(n³).
  public init(_ matrix: [Double], size: Int, jitter: Double = 0) throws {
    precondition(matrix.count == size * size, "Cholesky: \(matrix.count) entries for order \(size)")
    var l = [Double](repeating: 0, count: size * size)
    for j in 0..<size {
      var diagonal = matrix[j * size + j] + jitter
      for k in 0..<j { diagonal -= l[j * size + k] * l[j * size + k] }
      guard diagonal > 0, diagonal.isFinite else {
        throw LinearAlgebraError.notPositiveDefinite(pivotIndex: j, pivot: diagonal)
      }
      let pivot = diagonal.squareRoot()
      l[j * size + j] = pivot
      for i in (j + 1)..<max(size, j + 1) {
        var value = matrix[i * size + j]
        for k in 0..<j { value -= l[i * size + k] * l[j * size + k] }
        l[i * size + j] = value / pivot
      }
    }
    self.size = size
    self.lower = l
  }

  /// `log det A = 2 Σ log L_ii`.
  public var logDeterminant: Double {
    (0..<size).reduce(0) { $0 + 2 * Glibc.log(lower[$1 * size + $1]) }
  }

  /// Solves `L y = b` (forward substitution); `b` has `size` entries.
  public func solveLower(_ b: [Double]) -> [Double] {
    precondition(b.count == size, "Cholesky.solveLower: right-hand side has \(b.count) entries, order is \(size)")
    var y = b
    for i in 0..<size {
      var value = y[i]
      for k in 0..<i { value -= lower[i * size + k] * y[k] }
      y[i] = value / lower[i * size + i]
    }
    return y
  }

  /// Solves `Lᵀ x = y` (back substitution).
  public func solveUpper(_ y: [Double]) -> [Double] {
    precondition(y.count == size, "Cholesky.solveUpper: right-hand side has \(y.count) entries, order is \(size)")
    var x = y
    for i in stride(from: size - 1, through: 0, by: -1) {
      var value = x[i]
      for k in (i + 1)..<max(size, i + 1) { value -= lower[k * size + i] * x[k] }
      x[i] = value / lower[i * size + i]
    }
    return x
  }

  /// Solves `A x = b`.
  ///
  /// - Complexity: O(n²).
  public func solve(_ b: [Double]) -> [Double] {
    solveUpper(solveLower(b))
  }

  /// `A⁻¹`, row-major `[n, n]` (for posterior covariances of small Bayesian heads).
  ///
  /// - Complexity: O(n³).
  public func inverse() -> [Double] {
    var result = [Double](repeating: 0, count: size * size)
    for column in 0..<size {
      var unit = [Double](repeating: 0, count: size)
      unit[column] = 1
      let x = solve(unit)
      for row in 0..<size { result[row * size + column] = x[row] }
    }
    return result
  }
}
