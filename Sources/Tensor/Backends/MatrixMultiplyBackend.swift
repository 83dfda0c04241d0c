/// One single-precision matrix product `C = alpha * op(A) * op(B) + beta * C`, row-major.
///
/// `op(A)` is `[rows, depth]` and `op(B)` is `[depth, columns]`; `C` is `[rows, columns]`.
/// The leading dimensions are the row strides of the stored (untransposed) matrices, as in
/// CBLAS with `CblasRowMajor`.
public struct MatrixMultiplyProblem {
  public var transposeA: Bool
  public var transposeB: Bool
  public var rows: Int
  public var columns: Int
  public var depth: Int
  public var alpha: Float
  public var a: UnsafePointer<Float>
  public var lda: Int
  public var b: UnsafePointer<Float>
  public var ldb: Int
  public var beta: Float
  public var c: UnsafeMutablePointer<Float>
  public var ldc: Int

  /// Creates a problem; leading dimensions default to tightly packed storage.
  public init(
    transposeA: Bool = false, transposeB: Bool = false, rows: Int, columns: Int, depth: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int? = nil, b: UnsafePointer<Float>,
    ldb: Int? = nil, beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
  ) {
    self.transposeA = transposeA
    self.transposeB = transposeB
    self.rows = rows
    self.columns = columns
    self.depth = depth
    self.alpha = alpha
    self.a = a
    self.lda = lda ?? (transposeA ? rows : depth)
    self.b = b
    self.ldb = ldb ?? (transposeB ? depth : columns)
    self.beta = beta
    self.c = c
    self.ldc = ldc ?? columns
  }
}

/// A matrix-multiply implementation (OpenBLAS loaded at run time, or the portable kernel).
///
/// Implementations are immutable and safe to call from many tasks at once.
public protocol MatrixMultiplyBackend: Sendable, CustomStringConvertible {
  /// Computes `C = alpha * op(A) * op(B) + beta * C` for one row-major problem.
  func multiply(_ problem: MatrixMultiplyProblem)
}
