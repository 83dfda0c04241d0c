import Checksums
import SearchSpaces

/// Writes a file in the format of the NAS-Bench-101 release with made-up metrics for real
/// pool cells, to time the importer at full size (`nasarena perf --section nb101-import`).
///
/// Never a benchmark: the values are a deterministic function of the pool row. Each cell gets
/// 3 records (runs) of 3 evaluations (epochs 0, 54, 108), with a checkpoint path, like the
/// release; records come cell by cell in pool order.
public enum NASBench101SyntheticRelease {
  /// Writes `cells` cells (spread evenly over the pool of `data`; all of them by default) x
  /// 3 runs to `path`.
  ///
  /// - Returns: the number of records and bytes written.
  /// - Throws: `BenchmarkError.cannotWrite`, or an error of loading the pool.
  /// - Complexity: O(cells).
  public static func write(to path: String, cells: Int? = nil, data: DataDirectory) throws -> (records: Int, bytes: Int) {
    let pool = try NASBench101Pool.cached(in: data)
    let space = NASBench101Space(pool: pool)
    let count = min(cells ?? pool.count, pool.count)
    let output = try AppendingFile(path: path)
    var records = 0
    for position in 0..<count {
      let index = count == pool.count ? position : position * pool.count / count
      let architecture = space.architecture(at: index)
      let n = architecture.operations.firstIndex(of: NASBench101Space.absentLabel) ?? 7
      var adjacency = [UInt8](repeating: UInt8(ascii: "0"), count: n * n)
      for (k, (i, j)) in NASBench101Space.connectionPairs.enumerated() where architecture.connections[k] == 1 {
        adjacency[i * n + j] = UInt8(ascii: "1")
      }
      let operations = architecture.operations[..<n].map { NASBench101Space.labels[Int($0)] }.joined(separator: ",")
      let shade = Double(pool.hashes[index].low % 10_000) / 10_000
      for run in 0..<3 {
        var metrics: [UInt8] = []
        for epoch in [0.0, 54.0, 108.0] {
          let progress = epoch / 108
          var evaluation = double(1, epoch) + double(2, (800 + 2_000 * shade + Double(run)) * progress)
          // Accuracies climb from 0.1 at epoch 0 to their final value at epoch 108.
          let climb = { (final: Double) in 0.1 + (final - 0.1) * progress }
          evaluation += double(3, climb(0.99)) + double(4, climb(0.75 + 0.2 * shade - 0.002 * Double(run)))
          evaluation += double(5, climb(0.74 + 0.2 * shade + 0.001 * Double(run)))
          evaluation += field(6, Array("gs://synthetic/\(index)/run-\(run)/model.ckpt-\(Int(epoch) * 390)".utf8))
          metrics += field(1, evaluation)
        }
        metrics += varint(2 << 3) + varint(UInt64(300_000 + index))
        metrics += double(3, 3_000 + 1_000 * shade)
        let json =
          "[\"\(pool.hashes[index].hex)\", 108, \"\(String(decoding: adjacency, as: UTF8.self))\", \"\(operations)\", \"\(base64(metrics))\"]"
        try output.append(frame(Array(json.utf8)))
        records += 1
      }
    }
    try output.flush()
    return (records, output.count)
  }

  /// What `measureImport` measured.
  public struct ImportTiming: Sendable {
    /// Records and bytes of the synthetic file.
    public let records: Int
    public let bytes: Int
    /// Seconds to write the synthetic file.
    public let generationSeconds: Double
    /// What the import read and wrote, with its seconds.
    public let summary: NASBench101ImportSummary
  }

  /// Writes a synthetic release of `cells` cells into `scratch` (created if needed) and
  /// imports it into `scratch/data`, a data folder holding a link to the shipped pool of
  /// `shipped` and its checksum line.
  ///
  /// - Throws: any error of writing, importing or loading the pool.
  /// - Complexity: O(cells); the full pool writes about 0.7 GB.
  public static func measureImport(cells: Int?, scratch: String, shipped: DataDirectory) throws -> ImportTiming {
    let folder = scratch + "/data"
    try SystemFiles.makeDirectory(scratch)
    try SystemFiles.makeDirectory(folder)
    try SystemFiles.makeDirectory(folder + "/nasbench101")
    try SystemFiles.link(folder + "/" + NASBench101Pool.file, to: shipped.path + "/" + NASBench101Pool.file)
    let line = "\(try shipped.expectedChecksums()[NASBench101Pool.file] ?? "")  \(NASBench101Pool.file)\n"
    try SystemFiles.writeAtomically(Array(line.utf8), to: folder + "/" + DataDirectory.checksumFileName)
    let data = try DataDirectory(path: folder)
    let release = scratch + "/nasbench_only108.tfrecord"
    let clock = ContinuousClock()
    let start = clock.now
    let written = try write(to: release, cells: cells, data: shipped)
    let elapsed = clock.now - start
    let summary = try NASBench101Importer.importRelease(at: release, into: data)
    return ImportTiming(
      records: written.records, bytes: written.bytes,
      generationSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, summary: summary)
  }

  private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  private static func frame(_ data: [UInt8]) -> [UInt8] {
    let length = littleEndian(UInt64(data.count))
    return length + littleEndian(TFRecordReader.masked(CRC32C.checksum(length))) + data
      + littleEndian(TFRecordReader.masked(CRC32C.checksum(data)))
  }

  private static func varint(_ value: UInt64) -> [UInt8] {
    var rest = value
    var bytes: [UInt8] = []
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    return bytes + [UInt8(rest)]
  }

  private static func double(_ number: UInt64, _ value: Double) -> [UInt8] { varint(number << 3 | 1) + littleEndian(value.bitPattern) }
  private static func field(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] { varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload }

  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static func base64(_ bytes: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
      for position in 0..<4 {
        text.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: text, as: UTF8.self)
  }
}
