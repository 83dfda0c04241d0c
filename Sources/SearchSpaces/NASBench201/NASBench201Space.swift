/// The NAS-Bench-201 cell search space (Dong & Yang, ICLR 2020,
/// https://arxiv.org/abs/2001.00326): 4 nodes, 6 edges, 5 operations, 15,625 cells.
///
/// Labels: 0 `none`, 1 `skip_connect`, 2 `nor_conv_1x1`, 3 `nor_conv_3x3`, 4 `avg_pool_3x3`
/// (the `ops` digits of `data/nasbench201`). Pool index = the official `arch_index`
/// (0..15624), read from the table's `ops` column. Key = the official cell string, e.g.
/// `|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|`.
/// Encodings and graph: see `FixedTopologyCellSpace` (one-hot 30, path 84, BRP-NAS graph).
public struct NASBench201Space: FixedTopologyCellSpace {
  /// The operation names, indexed by label.
  public static let labels = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]

  /// The pool order (official index <-> operation labels).
  public let cells: FixedCellIndex
  public var name: String { "nas-bench-201" }

  /// The space with pool order `cells` (`Benchmarks` reads it from the table with `init(data:)`).
  public init(cells: FixedCellIndex) {
    self.cells = cells
  }

  /// `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|` with the operations of edges 0..5.
  public static func key(of operations: [UInt8]) -> String {
    let names = operations.map { Int($0) < labels.count ? labels[Int($0)] : "?" }
    return "|\(names[0])~0|+|\(names[1])~0|\(names[2])~1|+|\(names[3])~0|\(names[4])~1|\(names[5])~2|"
  }
}
