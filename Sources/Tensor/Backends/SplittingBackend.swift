/// A backend wrapper that computes one large product on several cores when some are spare,
/// with results bit-identical to the unsplit product.
///
/// A product of at least two parts' worth of work (`minimumPartMultiplyAdds` each) borrows
/// helpers from ``SpareCores``; if none is spare it runs unsplit on the caller's thread. Borrowed,
/// `C` is cut into parts along its longer side (rows at multiples of `rowGranularity`, columns
/// at multiples of `columnGranularity`), the caller computes the first part and each helper one
/// of the others, and the call returns when all are done. Cutting the longer side keeps the
/// work repeated by every part small: each part packs the whole operand it shares (`op(B)` when
/// rows are cut, `op(A)` when columns are), so cutting the 200 rows of `[200, 1000] · [1000, 1000]`
/// would pack the 1000 x 1000 matrix twice.
///
/// Bit identity: each part is the same product restricted to some rows or columns of `C`, so
/// splitting changes nothing only if the base backend computes every element of `C` the same
/// way whatever the number of rows and columns. That holds for ``PortableBackend`` at any row
/// and at multiples of its 16-column tile (each element's sum runs over the same depth blocks in
/// the same order, in the same tile position). OpenBLAS 0.3.21's SkylakeX `sgemm` meets it for
/// parts above its small-matrix path (about a million multiply-adds), measured on random shapes
/// at any row and column; `SplittingBackendTests` checks both backends, raw bits, on many
/// shapes. Whether a core was spare therefore never changes a result, and the description is
/// the base's.
///
/// The base must be safe to call from several threads at once (the protocol's contract;
/// `MeteredBackend` is not, and is used with one worker, which never has a spare core).
public struct SplittingBackend: MatrixMultiplyBackend {
  /// The backend that computes each part.
  public let base: any MatrixMultiplyBackend
  /// Where spare cores come from.
  public let spareCores: SpareCores
  /// Parts cut along the rows start at multiples of this many rows of `C`.
  public let rowGranularity: Int
  /// Parts cut along the columns start at multiples of this many columns of `C` (a multiple of
  /// 16 for the portable kernel).
  public let columnGranularity: Int
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
  ///   - columnGranularity: At least 1.
  ///   - minimumPartMultiplyAdds: At least 1.
  public init(
    _ base: any MatrixMultiplyBackend, spareCores: SpareCores, rowGranularity: Int = 16, columnGranularity: Int = 16,
    minimumPartMultiplyAdds: Int = 8 << 20
  ) {
    precondition(rowGranularity >= 1 && columnGranularity >= 1 && minimumPartMultiplyAdds >= 1, "SplittingBackend: bad limits")
    self.base = base
    self.spareCores = spareCores
    self.rowGranularity = rowGranularity
    self.columnGranularity = columnGranularity
    self.minimumPartMultiplyAdds = minimumPartMultiplyAdds
  }

  public var description: String { base.description }

  public func multiply(_ problem: MatrixMultiplyProblem) {
    let work = problem.rows * problem.columns * max(problem.depth, 0)
    let byWork = work / minimumPartMultiplyAdds
    let byRows = min(problem.rows / rowGranularity, byWork)
    let byColumns = min(problem.columns / columnGranularity, byWork)
    // The longer side, unless only the other one can be cut.
    let alongRows = byColumns < 2 || (byRows >= 2 && problem.rows >= problem.columns)
    let parts = alongRows ? byRows : byColumns
    guard parts >= 2 else { return base.multiply(problem) }
    let helpers = spareCores.borrow(upTo: parts - 1)
    guard !helpers.isEmpty else { return base.multiply(problem) }
    let count = helpers.count + 1
    let bounds =
      alongRows
      ? Self.bounds(length: problem.rows, parts: count, granularity: rowGranularity)
      : Self.bounds(length: problem.columns, parts: count, granularity: columnGranularity)
    func part(_ index: Int) -> MatrixMultiplyProblem {
      let range = bounds[index]..<bounds[index + 1]
      return alongRows ? Self.rows(range, of: problem) : Self.columns(range, of: problem)
    }
    for (index, helper) in helpers.enumerated() { helper.start(part(index + 1), on: base) }
    base.multiply(part(0))
    for helper in helpers { helper.finish() }
    spareCores.giveBack(helpers)
  }

  /// Where the parts of a split product start and end along one side of `C`.
  ///
  /// - Parameters:
  ///   - length: Rows or columns of `C`, at least `parts * granularity`.
  ///   - parts: At least 1.
  ///   - granularity: At least 1.
  /// - Returns: `parts + 1` increasing boundaries from 0 to `length`, the inner ones at
  ///   multiples of `granularity`, each part at least `granularity` long and as even as that allows.
  public static func bounds(length rows: Int, parts: Int, granularity: Int) -> [Int] {
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

  /// The product restricted to columns `range` of `op(B)` and `C`.
  static func columns(_ range: Range<Int>, of problem: MatrixMultiplyProblem) -> MatrixMultiplyProblem {
    var part = problem
    part.columns = range.count
    // Column j of op(B) is column j of B, or row j of B when B is transposed.
    part.b = problem.transposeB ? problem.b + range.lowerBound * problem.ldb : problem.b + range.lowerBound
    part.c = problem.c + range.lowerBound
    return part
  }
}
