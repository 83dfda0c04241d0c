/// A backend wrapper that computes one large product on several cores when some are spare,
/// with results bit-identical to the unsplit product.
///
/// A product of at least two parts' worth of work (`minimumPartMultiplyAdds` each) borrows
/// helpers from ``SpareCores``; if none is spare it runs unsplit on the caller's thread. Borrowed,
/// the rows of `C` are cut into parts at multiples of `rowGranularity`, the caller computes the
/// first part and each helper one of the others, and the call returns when all are done.
///
/// Bit identity: each part is the same product restricted to some rows of `op(A)` and `C`, so
/// splitting changes nothing only if the base backend computes every element of `C` the same
/// way whatever the number of rows. That holds for ``PortableBackend`` at any row (each element's
/// sum runs over the same depth blocks in the same order; tiles only differ by which rows they
/// hold). OpenBLAS 0.3.21's SkylakeX `sgemm` meets it for parts above its small-matrix path
/// (about a million multiply-adds) and was measured identical on random shapes at any
/// granularity; `RowSplittingBackendTests` checks both, raw bits, on many shapes. Whether a
/// core was spare therefore never changes a result, and the backend's description is the base's.
///
/// The base must be safe to call from several threads at once (the protocol's contract;
/// `MeteredBackend` is not, and is used with one worker, which never has a spare core).
public struct RowSplittingBackend: MatrixMultiplyBackend {
  /// The backend that computes each part.
  public let base: any MatrixMultiplyBackend
  /// Where spare cores come from.
  public let spareCores: SpareCores
  /// Parts start at multiples of this many rows of `C`.
  public let rowGranularity: Int
  /// The least work (`rows * columns * depth`) of a part; smaller products are not split.
  ///
  /// 8 Mi multiply-adds is about 0.1 ms on one core here, ten times the measured hand-off
  /// (waking a helper and waiting for it), and eight times OpenBLAS's small-matrix limit.
  public let minimumPartMultiplyAdds: Int

  /// Wraps `base`, lending it the cores of `spareCores`.
  ///
  /// - Parameters:
  ///   - base: A backend that is safe to call from several threads at once.
  ///   - spareCores: The pool the products borrow from.
  ///   - rowGranularity: At least 1.
  ///   - minimumPartMultiplyAdds: At least 1.
  public init(
    _ base: any MatrixMultiplyBackend, spareCores: SpareCores, rowGranularity: Int = 16,
    minimumPartMultiplyAdds: Int = 8 << 20
  ) {
    precondition(rowGranularity >= 1 && minimumPartMultiplyAdds >= 1, "RowSplittingBackend: bad limits")
    self.base = base
    self.spareCores = spareCores
    self.rowGranularity = rowGranularity
    self.minimumPartMultiplyAdds = minimumPartMultiplyAdds
  }

  public var description: String { base.description }

  public func multiply(_ problem: MatrixMultiplyProblem) {
    let perRow = problem.columns * max(problem.depth, 0)
    let byWork = perRow > 0 ? problem.rows * perRow / minimumPartMultiplyAdds : 0
    let parts = min(problem.rows / rowGranularity, byWork)
    guard parts >= 2 else { return base.multiply(problem) }
    let helpers = spareCores.borrow(upTo: parts - 1)
    guard !helpers.isEmpty else { return base.multiply(problem) }
    let bounds = Self.rowBounds(rows: problem.rows, parts: helpers.count + 1, granularity: rowGranularity)
    for (index, helper) in helpers.enumerated() {
      helper.start(Self.rows(bounds[index + 1]..<bounds[index + 2], of: problem), on: base)
    }
    base.multiply(Self.rows(0..<bounds[1], of: problem))
    for helper in helpers { helper.finish() }
    spareCores.giveBack(helpers)
  }

  /// Where the parts of a split product start and end.
  ///
  /// - Parameters:
  ///   - rows: Rows of `C`, at least `parts * granularity`.
  ///   - parts: At least 1.
  ///   - granularity: At least 1.
  /// - Returns: `parts + 1` increasing boundaries from 0 to `rows`, the inner ones at
  ///   multiples of `granularity`, each part at least `granularity` rows and as even as that allows.
  public static func rowBounds(rows: Int, parts: Int, granularity: Int) -> [Int] {
    var bounds = [0]
    for part in 1..<parts {
      let ideal = rows * part / parts
      let rounded = (ideal + granularity / 2) / granularity * granularity
      bounds.append(min(max(rounded, bounds[part - 1] + granularity), rows - (parts - part) * granularity))
    }
    bounds.append(rows)
    return bounds
  }

  /// The product restricted to rows `range` of `op(A)` and `C`.
  static func rows(_ range: Range<Int>, of problem: MatrixMultiplyProblem) -> MatrixMultiplyProblem {
    var part = problem
    part.rows = range.count
    // Row i of op(A) is row i of A, or column i of A when A is transposed.
    part.a = problem.transposeA ? problem.a + range.lowerBound : problem.a + range.lowerBound * problem.lda
    part.c = problem.c + range.lowerBound * problem.ldc
    return part
  }
}
