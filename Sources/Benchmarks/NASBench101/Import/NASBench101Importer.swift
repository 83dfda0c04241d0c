import SearchSpaces

/// Builds the full NAS-Bench-101 table from the official release file
/// (`nasbench_only108.tfrecord`, Ying et al., ICML 2019, https://github.com/google-research/nasbench).
///
/// Each TFRecord record is one training run: the JSON row of `NASBench101ReleaseRow` with the
/// metrics of `NASBench101ModelMetrics`. Every record is checked (both CRCs, the JSON, the
/// base64, the protobuf, the module hash in the pool, the cell against the pool's cell for
/// that hash, 108 epochs, accuracies in 0...1) and the 3 runs of each module hash are
/// averaged. The table `NASBench101FullTable.file` and its checksum list
/// `NASBench101FullTable.checksumFile` are written only when the whole file checked out.
///
/// Measured (release build, shared 2-core machine): 423,624 cells x 3 synthetic records
/// (703 MB, `nasarena perf --section nb101-import`) import in 12.5 s with a peak resident set
/// of 119 MB (details in `data/nasbench101/README.md`).
public enum NASBench101Importer {
  /// Training runs the release holds per module hash.
  public static let runsPerCell = 3
  /// The only epoch budget of `nasbench_only108.tfrecord`.
  public static let epochs = 108

  /// Imports the release file at `path` into `data`.
  ///
  /// - Parameters:
  ///   - path: the release file.
  ///   - data: the data folder; the table goes to its `nasbench101/`.
  /// - Returns: what was read and written.
  /// - Throws: `BenchmarkError.malformedRecord` naming the file, record index, byte offset and
  ///   what was expected; `unreadableFile`; `inconsistentTable` for a file without records;
  ///   `cannotWrite`; any error of loading the pool.
  /// - Complexity: O(file size) time; memory O(pool size) plus one record and the output table.
  public static func importRelease(at path: String, into data: DataDirectory) throws -> NASBench101ImportSummary {
    let clock = ContinuousClock()
    let start = clock.now
    let pool = try NASBench101Pool.cached(in: data)
    let file = path.split(separator: "/").last.map(String.init) ?? path
    var runs = NASBench101RunAccumulator(pool: pool, file: file)
    let reader = try TFRecordReader(path: path, file: file)
    var record: [UInt8] = []
    var row = NASBench101ReleaseRow()
    var metricsBytes: [UInt8] = []
    while try reader.next(into: &record) {
      let index = reader.recordIndex - 1
      let offset = reader.recordOffset
      let dataStart = offset + 12
      func failure(_ at: Int, _ problem: String, _ value: String, _ expected: String) -> BenchmarkError {
        .malformedRecord(file: file, record: index, offset: at, problem: problem, value: value, expected: expected)
      }
      do {
        try row.parse(record)
      } catch let error as NASBench101ReleaseRow.Failure {
        throw failure(dataStart + error.offset, error.problem, error.value, error.expected)
      }
      let hashText = String(decoding: row.moduleHash, as: UTF8.self)
      guard let key = ModuleHashKey(hex: row.moduleHash), let poolIndex = pool.index(of: key) else {
        throw failure(
          dataStart + row.offsets[0], "module hash not in the pool", String(hashText.prefix(40)),
          "one of the \(pool.count) hashes of \(NASBench101Pool.file)")
      }
      guard row.epochs == epochs else {
        throw failure(dataStart + row.offsets[1], "epochs not \(epochs)", "\(row.epochs)", "\(epochs) in every record of nasbench_only108.tfrecord")
      }
      if let problem = runs.cellProblem(poolIndex: poolIndex, adjacency: row.adjacency, operations: row.operations, hash: hashText) {
        throw failure(dataStart + row.offsets[2], problem.problem, problem.value, problem.expected)
      }
      do {
        try Base64.decode(row.metrics, into: &metricsBytes)
      } catch let error as Base64.Failure {
        throw failure(dataStart + row.offsets[4] + 1 + error.offset, "bad base64 in raw_metrics", error.problem, "standard base64 with '=' padding")
      }
      let metrics: NASBench101ModelMetrics
      do {
        metrics = try NASBench101ModelMetrics(decoding: metricsBytes)
      } catch let error as ProtobufReader.Failure {
        throw failure(
          dataStart + row.offsets[4], "bad protobuf in raw_metrics", "\(error.problem) at byte \(error.offset) of the decoded message",
          "a ModelMetrics message (nasbench/lib/model_metrics.proto)")
      }
      if let problem = runs.add(metrics, poolIndex: poolIndex, record: index, offset: offset, hash: hashText) {
        throw failure(offset, problem.problem, problem.value, problem.expected)
      }
    }
    guard reader.recordIndex > 0 else {
      throw BenchmarkError.inconsistentTable(file: file, detail: "holds no TFRecord records; records", value: "0")
    }
    if let incomplete = runs.firstIncompleteCell() {
      throw BenchmarkError.malformedRecord(
        file: file, record: incomplete.record, offset: incomplete.offset, problem: "wrong number of runs for a module hash",
        value: "\(pool.hashes[incomplete.poolIndex].hex): \(incomplete.runs)", expected: "\(runsPerCell) records (runs) per module hash")
    }
    let table = runs.table()
    let written = try write(table, into: data)
    let elapsed = clock.now - start
    return NASBench101ImportSummary(
      records: reader.recordIndex, bytesRead: reader.bytesRead, cells: runs.cellCount, poolSize: pool.count, runsPerCell: runsPerCell,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      table: data.path + "/" + NASBench101FullTable.file, checksumFile: data.path + "/" + NASBench101FullTable.checksumFile,
      tableSHA256: written)
  }

  /// Compresses and writes the table, then its line in the imported checksum list (other
  /// lines of that list are kept); drops the cached lists and table of `data`.
  private static func write(_ csv: [UInt8], into data: DataDirectory) throws -> String {
    let compressed = try GzipDeflater.deflate(csv, file: NASBench101FullTable.file)
    let checksum = SHA256.hexDigest(of: compressed)
    try SystemFiles.makeDirectory(data.path + "/nasbench101")
    try SystemFiles.writeAtomically(compressed, to: data.path + "/" + NASBench101FullTable.file)
    let listPath = data.path + "/" + NASBench101FullTable.checksumFile
    let name = String(NASBench101FullTable.file.dropFirst("nasbench101/".count))
    let kept = (SystemFiles.contents(ofFile: listPath).map { String(decoding: $0, as: UTF8.self) } ?? "")
      .split(separator: "\n").filter { !$0.isEmpty && !$0.hasSuffix("  " + name) }
    let list = (kept.map(String.init) + ["\(checksum)  \(name)"]).joined(separator: "\n") + "\n"
    try SystemFiles.writeAtomically(Array(list.utf8), to: listPath)
    data.forgetCachedChecksums()
    DataCache.shared.removeValue(for: NASBench101FullTable.cacheKey(data))
    return checksum
  }
}

/// What one import read and wrote (printed by `nasarena data import-nb101`).
public struct NASBench101ImportSummary: Sendable, Hashable {
  /// TFRecord records read (training runs).
  public let records: Int
  /// Bytes of the release file read.
  public let bytesRead: Int
  /// Cells written (module hashes with all their runs).
  public let cells: Int
  /// Cells of the pool (423,624): `cells` is lower for a partial file.
  public let poolSize: Int
  /// Runs averaged per cell.
  public let runsPerCell: Int
  /// Wall-clock seconds of the whole import (pool loading, reading, writing).
  public let seconds: Double
  /// Path of the table written.
  public let table: String
  /// Path of the checksum list written.
  public let checksumFile: String
  /// SHA-256 of the table written.
  public let tableSHA256: String
}
