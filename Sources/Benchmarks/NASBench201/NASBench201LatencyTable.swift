/// Measured inference latencies of every NAS-Bench-201 cell on 27 devices (from HELP, see
/// `data/nasbench201/README.md`), for multi-objective work. Not loaded by any task.
public struct NASBench201LatencyTable: Sendable {
  /// The data file.
  public static let file = "nasbench201/nb201_hw_latency.csv.gz"
  /// Device names (the column names without `lat_ms_`), in file order, e.g. `1080ti_1`.
  public let devices: [String]
  private let columns: [String: [Double]]

  /// Loads the table of `data` (once per process).
  ///
  /// - Throws: any `BenchmarkError` of loading the file, or `inconsistentTable` when its
  ///   `arch_index` is not the row number.
  /// - Complexity: O(file size) the first time.
  public init(data: DataDirectory) throws {
    self = try DataCache.shared.value(for: "nb201-latency|" + data.path) {
      let table = try data.table(Self.file)
      let indices = try table.integers("arch_index")
      guard indices == Array(0..<table.rowCount), table.rowCount == 15_625 else {
        throw BenchmarkError.inconsistentTable(file: Self.file, detail: "rows are not arch_index 0..15624; rows", value: "\(table.rowCount)")
      }
      let names = table.columnNames.filter { $0.hasPrefix("lat_ms_") }
      var columns: [String: [Double]] = [:]
      for name in names { columns[String(name.dropFirst("lat_ms_".count))] = try table.doubles(name) }
      return NASBench201LatencyTable(devices: names.map { String($0.dropFirst("lat_ms_".count)) }, columns: columns)
    }
  }

  private init(devices: [String], columns: [String: [Double]]) {
    self.devices = devices
    self.columns = columns
  }

  /// Latency in milliseconds of every cell (indexed by NAS-Bench-201 pool index) on
  /// `device`, or `nil` for an unknown device.
  public func latencies(device: String) -> [Double]? { columns[device] }
}
