/// The TransNAS-Bench-101 micro (cell) search space (Duan et al., CVPR 2021,
/// https://arxiv.org/abs/2105.11871): the NAS-Bench-201 topology with 4 operations, 4,096
/// cells.
///
/// Labels: 0 `none` (zeroize), 1 `skip_connect`, 2 `conv1x1` (ReLU-conv-BN), 3 `conv3x3`.
/// Pool index = the table's `arch_index` (rows sorted by `ops`). Key = the TransNAS string
/// `64-41414-a_bc_def` (fixed macro skeleton, then the cell). Encodings and graph: see
/// `FixedTopologyCellSpace` (one-hot 24, path 39, BRP-NAS graph with vocabulary 4).
public struct TransNASMicroSpace: FixedTopologyCellSpace {
  /// The operation names, indexed by label.
  public static let labels = ["none", "skip_connect", "conv1x1", "conv3x3"]

  /// The pool order (official index <-> operation labels).
  public let cells: FixedCellIndex
  public var name: String { "transnas-micro" }

  /// The space with pool order `cells` (`Benchmarks` reads it from the table with `init(data:)`).
  public init(cells: FixedCellIndex) {
    self.cells = cells
  }

  /// `64-41414-a_bc_def` with the operation digits of edges 0..5.
  public static func key(of operations: [UInt8]) -> String {
    let d = operations.map(String.init)
    return "64-41414-\(d[0])_\(d[1])\(d[2])_\(d[3])\(d[4])\(d[5])"
  }
}
