import SearchSpaces

/// A fixed-topology cell space whose pool order and metrics come from one benchmark table
/// (NAS-Bench-201, TransNAS-Bench-101 micro).
///
/// The structure lives in `SearchSpaces`; this protocol adds what only the benchmark knows:
/// the file and the metric columns. Search methods never see it.
public protocol TabulatedCellSpace: FixedTopologyCellSpace {
  /// The data file whose rows fix the pool order (`arch_index`, `ops`, `arch_str`) and hold
  /// the metrics.
  static var file: String { get }
  /// The metric columns loaded with the table.
  static var metricColumns: [String] { get }
}

extension TabulatedCellSpace {
  /// The space with the pool order of the table in `data`.
  ///
  /// - Throws: any `BenchmarkError` of loading `file`.
  /// - Complexity: loads the table once per process (NAS-Bench-201: about 50 ms), O(1) after.
  public init(data: DataDirectory) throws {
    self.init(cells: try Self.table(in: data).cells)
  }

  /// The table of `data`, loaded once per process.
  static func table(in data: DataDirectory) throws -> FixedCellTable {
    try DataCache.shared.value(for: "\(Self.self)|" + data.path) { try loadTable(from: data) }
  }

  /// Loads the table without the cache (for timing).
  static func loadTable(from data: DataDirectory) throws -> FixedCellTable {
    try FixedCellTable.load(file, from: data, operationCount: labels.count, keyColumn: "arch_str", key: key(of:), columns: metricColumns)
  }
}

extension NASBench201Space: TabulatedCellSpace {
  /// The data file that fixes the pool order.
  public static let file = "nasbench201/nb201_accuracy.csv.gz"
  /// Every numeric column of the table (accuracies after 200 and 12 epochs, parameters,
  /// training time per epoch); tasks, named or declared in a suite, pick theirs from these.
  public static let metricColumns = [
    "c10_valid_acc_200", "c10_test_acc_200", "c10_test_acc_200_alt", "c10valid_test_acc_200",
    "c100_valid_acc_200", "c100_test_acc_200", "c100_oritest_acc_200",
    "in16_valid_acc_200", "in16_test_acc_200", "in16_oritest_acc_200",
    "c10_valid_acc_12", "c10_test_acc_12", "c100_valid_acc_12", "c100_test_acc_12", "in16_valid_acc_12", "in16_test_acc_12",
    "params_mb_c10", "train_time_per_epoch_s_c10",
  ]
}

extension TransNASMicroSpace: TabulatedCellSpace {
  /// The data file that fixes the pool order.
  public static let file = "transnas_bench_101/tnb101_micro_valid.csv.gz"
  /// The metric columns, one per Taskonomy task.
  public static let metricColumns = [
    "class_scene_valid_top1", "class_object_valid_top1", "jigsaw_valid_top1", "room_layout_valid_neg_loss",
    "segmentsemantic_valid_acc", "normal_valid_ssim", "autoencoder_valid_ssim",
  ]
}
