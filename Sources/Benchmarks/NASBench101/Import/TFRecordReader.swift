import Checksums

/// Reads the records of a TFRecord file one at a time, checking both checksums of each.
///
/// The framing (TensorFlow's `tf.io.TFRecordWriter`): for each record, its length as a
/// little-endian `UInt64`, the masked CRC-32C of those 8 bytes as a little-endian `UInt32`,
/// the data, and the masked CRC-32C of the data. A CRC is masked as
/// `((crc >> 15) | (crc << 17)) &+ 0xa282ead8`. The file is read in chunks (`SequentialFile`),
/// so only one record is in memory at a time.
final class TFRecordReader {
  /// The longest record accepted: 64 MiB, far above a NAS-Bench-101 record (under 2 KB), so
  /// that a corrupt length cannot ask for gigabytes.
  static let maximumRecordLength = 1 << 26

  /// The file name used in error messages.
  let file: String
  /// Index of the next record (0-based): the records read so far.
  private(set) var recordIndex = 0
  /// Bytes read so far.
  var bytesRead: Int { input.offset }
  /// File offset of the start of the last record returned.
  private(set) var recordOffset = 0
  private let input: SequentialFile
  private var header: [UInt8] = []
  private var footer: [UInt8] = []

  /// Opens the TFRecord file at `path`.
  ///
  /// - Throws: `BenchmarkError.missingFile` when it cannot be opened.
  init(path: String, file: String) throws {
    self.file = file
    self.input = try SequentialFile(path: path)
  }

  /// The masked form of `crc` that TFRecord stores.
  static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xa282_ead8
  }

  /// Replaces `data` with the next record's data.
  ///
  /// - Returns: `false` at the end of the file (after the last whole record).
  /// - Throws: `BenchmarkError.malformedRecord` naming the record index and byte offset for a
  ///   truncated record, a length or data CRC that does not match, or an implausible length.
  /// - Complexity: O(record length).
  func next(into data: inout [UInt8]) throws -> Bool {
    let start = input.offset
    let headerCount = try input.read(12, into: &header)
    if headerCount == 0 { return false }
    guard headerCount == 12 else {
      throw failure(at: start, "truncated record header", "\(headerCount) bytes", "12 bytes: the 8-byte length and its 4-byte CRC")
    }
    let length = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
    let storedLengthCRC = header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }
    let lengthCRC = Self.masked(header.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<8])) })
    guard storedLengthCRC == lengthCRC else {
      throw failure(at: start, "bad length CRC", Self.hex(storedLengthCRC), "\(Self.hex(lengthCRC)), the masked CRC-32C of the length bytes")
    }
    guard length <= UInt64(Self.maximumRecordLength) else {
      throw failure(at: start, "implausible record length", "\(length)", "at most \(Self.maximumRecordLength) bytes")
    }
    let count = Int(length)
    let dataCount = try input.read(count, into: &data)
    guard dataCount == count else {
      throw failure(at: start, "truncated record data", "\(dataCount) of \(count) bytes", "\(count) bytes and a 4-byte CRC")
    }
    let footerCount = try input.read(4, into: &footer)
    guard footerCount == 4 else {
      throw failure(at: start, "truncated record", "\(footerCount) of 4 CRC bytes", "the 4-byte CRC of the data")
    }
    let storedDataCRC = footer.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    let dataCRC = Self.masked(data.withUnsafeBytes { CRC32C.checksum($0) })
    guard storedDataCRC == dataCRC else {
      throw failure(at: start, "bad data CRC", Self.hex(storedDataCRC), "\(Self.hex(dataCRC)), the masked CRC-32C of the \(count) data bytes")
    }
    recordOffset = start
    recordIndex += 1
    return true
  }

  private func failure(at offset: Int, _ problem: String, _ value: String, _ expected: String) -> BenchmarkError {
    .malformedRecord(file: file, record: recordIndex, offset: offset, problem: problem, value: value, expected: expected)
  }

  /// Eight hex digits, `0x` first.
  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }
}
