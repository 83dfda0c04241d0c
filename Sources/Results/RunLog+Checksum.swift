import Checksums
import Foundation

/// The checksum field of every log line.
///
/// A line is the entry's key-sorted JSON object with one more field at its end,
/// `"crc":"<8 lowercase hex digits>"`: the CRC-32C of the object's bytes without that field
/// (the text up to the last `}`, with the `}` kept). A reader recomputes it from the line as
/// stored, so a changed value, a lost or doubled byte, or a hand-edited line is detected; the
/// field stays an ordinary JSON string, so `pandas.read_json(path, lines=True)` still reads the
/// log (as a `crc` column).
extension RunLog {
  /// The field's text before the digits: `,"crc":"`.
  private static let checksumPrefix = Array(#","crc":""#.utf8)
  /// Bytes the field adds at the end of a line: the prefix, 8 digits and `"}`.
  static let checksumSuffixLength = checksumPrefix.count + 8 + 2

  /// The line for `entry`, checksum included, with its final newline.
  ///
  /// - Throws: an encoding error when the entry cannot be encoded as JSON.
  public static func line(for entry: LogEntry, encoder: JSONEncoder) throws -> [UInt8] {
    var bytes = [UInt8](try encoder.encode(entry))
    let crc = CRC32C.checksum(bytes)
    guard bytes.last == UInt8(ascii: "}") else { return bytes + [UInt8(ascii: "\n")] }
    bytes.removeLast()
    bytes += checksumPrefix
    bytes += hexDigits(crc)
    bytes += Array(#""}"#.utf8)
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }

  /// Checks the checksum field of one line (without its newline).
  ///
  /// - Returns: `nil` when the checksum matches, otherwise what is wrong.
  static func checksumProblem(in line: UnsafeRawBufferPointer) -> String? {
    let count = line.count
    guard count > checksumSuffixLength, line[count - 1] == UInt8(ascii: "}"), line[count - 2] == UInt8(ascii: "\"") else {
      return "no checksum field 'crc' at the end of the line; every line ends with ,\"crc\":\"<8 hex digits>\"}"
    }
    let fieldStart = count - checksumSuffixLength
    for (offset, byte) in checksumPrefix.enumerated() where line[fieldStart + offset] != byte {
      return "no checksum field 'crc' at the end of the line; every line ends with ,\"crc\":\"<8 hex digits>\"}"
    }
    var stored: UInt32 = 0
    for offset in 0..<8 {
      guard let digit = hexValue(line[fieldStart + checksumPrefix.count + offset]) else {
        return "checksum field 'crc' is not 8 lowercase hex digits"
      }
      stored = stored << 4 | digit
    }
    let content = UnsafeRawBufferPointer(rebasing: line[0..<fieldStart])
    let closingBrace: [UInt8] = [UInt8(ascii: "}")]
    let actual = closingBrace.withUnsafeBytes { CRC32C.checksum($0, continuing: CRC32C.checksum(content)) }
    guard actual == stored else {
      return
        "checksum mismatch: the line's content has CRC-32C \(String(decoding: hexDigits(actual), as: UTF8.self)) but its 'crc' field says \(String(decoding: hexDigits(stored), as: UTF8.self)); the line was changed after it was written"
    }
    return nil
  }

  private static func hexDigits(_ value: UInt32) -> [UInt8] {
    let digits = Array("0123456789abcdef".utf8)
    return (0..<8).map { digits[Int((value >> UInt32(28 - 4 * $0)) & 0xF)] }
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    default: nil
    }
  }
}
