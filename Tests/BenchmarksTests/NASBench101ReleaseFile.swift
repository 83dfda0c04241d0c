import Benchmarks
import Foundation
import SearchSpaces

/// A test-side writer of files in the format of the official NAS-Bench-101 release
/// (`nasbench_only108.tfrecord`), written from the format's description independently of the
/// importer: TFRecord framing with a bit-at-a-time CRC-32C, `ModelMetrics` protobuf bytes,
/// Foundation's base64 and a JSON array per record.
struct NASBench101ReleaseFile {
  /// One training run of one cell.
  struct Run {
    var hash: String
    var epochs = 108
    var adjacency: String
    var operations: String
    var validation: Double
    var test: Double
    var seconds: Double
    var parameters: Int
  }

  /// The framed records, in order.
  var records: [[UInt8]] = []

  /// The file's bytes.
  var bytes: [UInt8] { records.flatMap { $0 } }

  /// Byte offset of record `index`.
  func offset(of index: Int) -> Int { records[..<index].reduce(0) { $0 + $1.count } }

  // MARK: - CRC-32C and framing

  /// CRC-32C bit by bit (the definition).
  static func crc32c(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return ~crc
  }

  static func masked(_ crc: UInt32) -> UInt32 { ((crc >> 15) | (crc << 17)) &+ 0xa282_ead8 }

  static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  /// `data` framed as one TFRecord record.
  static func frame(_ data: [UInt8]) -> [UInt8] {
    let length = littleEndian(UInt64(data.count))
    return length + littleEndian(masked(crc32c(length))) + data + littleEndian(masked(crc32c(data)))
  }

  // MARK: - Protobuf

  static func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    repeat {
      let low = UInt8(value & 0x7f)
      value >>= 7
      bytes.append(value == 0 ? low : low | 0x80)
    } while value != 0
    return bytes
  }

  static func double(_ field: UInt64, _ value: Double) -> [UInt8] { varint(field << 3 | 1) + littleEndian(value.bitPattern) }
  static func message(_ field: UInt64, _ payload: [UInt8]) -> [UInt8] { varint(field << 3 | 2) + varint(UInt64(payload.count)) + payload }

  /// A `ModelMetrics` with evaluations at epochs 0, 54 and 108 (the last carrying the run's
  /// values), a checkpoint path in each, the parameter count, the total time and an unknown
  /// field that a reader must skip.
  static func metrics(_ run: Run) -> [UInt8] {
    var bytes: [UInt8] = []
    for (epoch, scale) in [(0.0, 0.1), (54.0, 0.9), (108.0, 1.0)] {
      var evaluation = double(1, epoch) + double(2, run.seconds * epoch / 108) + double(3, min(1, run.validation * scale + 0.01))
      evaluation += double(4, run.validation * scale) + double(5, run.test * scale)
      evaluation += message(6, Array("/tmp/model.ckpt-\(Int(epoch))".utf8))
      bytes += message(1, evaluation)
    }
    bytes += varint(2 << 3) + varint(UInt64(run.parameters))
    bytes += double(3, run.seconds * 1.1)
    bytes += varint(15 << 3) + varint(7)
    return bytes
  }

  /// The JSON text of one record, as Python's `json.dumps` writes it.
  static func json(_ run: Run, metrics: [UInt8]) -> [UInt8] {
    let base64 = Data(metrics).base64EncodedString()
    return Array("[\"\(run.hash)\", \(run.epochs), \"\(run.adjacency)\", \"\(run.operations)\", \"\(base64)\"]".utf8)
  }

  mutating func append(_ run: Run) {
    records.append(Self.frame(Self.json(run, metrics: Self.metrics(run))))
  }

  mutating func append(json: [UInt8]) {
    records.append(Self.frame(json))
  }

  // MARK: - Cells of the pool

  /// The pool cell at `index` in the release's text form: V x V adjacency digits and the
  /// comma-separated operations.
  static func cellText(_ space: NASBench101Space, at index: Int) -> (adjacency: String, operations: String) {
    let architecture = space.architecture(at: index)
    let n = architecture.operations.firstIndex(of: 5) ?? 7
    var matrix = [Character](repeating: "0", count: n * n)
    for (k, (i, j)) in NASBench101Space.connectionPairs.enumerated() where architecture.connections[k] == 1 { matrix[i * n + j] = "1" }
    let names = architecture.operations[..<n].map { NASBench101Space.labels[Int($0)] }
    return (String(matrix), names.joined(separator: ","))
  }

  /// The same cell with interior vertices `k` and `k + 1` swapped, when no edge joins them
  /// (so the matrix stays upper-triangular): an isomorphic cell in another vertex order.
  static func swappedCellText(_ space: NASBench101Space, at index: Int) -> (adjacency: String, operations: String)? {
    let (adjacency, operations) = cellText(space, at: index)
    var names = operations.split(separator: ",").map(String.init)
    let n = names.count
    let digits = Array(adjacency)
    guard let k = (1..<max(1, n - 2)).first(where: { digits[$0 * n + $0 + 1] == "0" && names[$0] != names[$0 + 1] }) else { return nil }
    let order = (0..<n).map { $0 == k ? k + 1 : ($0 == k + 1 ? k : $0) }
    var swapped = [Character](repeating: "0", count: n * n)
    for i in 0..<n {
      for j in 0..<n { swapped[i * n + j] = digits[order[i] * n + order[j]] }
    }
    names.swapAt(k, k + 1)
    return (String(swapped), names.joined(separator: ","))
  }
}
