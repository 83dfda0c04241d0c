/// CRC-32C (Castagnoli), the checksum of every run-log line and of every TFRecord frame of the
/// official NAS-Bench-101 release file.
///
/// The polynomial 0x1EDC6F41 (reflected 0x82F63B78) of iSCSI (RFC 3720), ext4 and many
/// write-ahead logs: initial value and final XOR 0xFFFFFFFF, bits reflected. It detects every
/// burst error up to 32 bits and every odd number of flipped bits in a line. On x86-64 it is
/// computed with the SSE 4.2 `crc32` instruction, eight bytes per instruction (see
/// `CRC32C+Instruction.swift`); elsewhere with slicing-by-8 (eight 256-entry tables, eight
/// bytes per step; Kounavis and Berry, 2008, "A Systematic Approach to Building High
/// Performance Software-Based CRC Generators"), about 1 byte per 0.5 ns. Either way checking a
/// log line costs far less than decoding its JSON.
public enum CRC32C {
  /// The checksum of `bytes`, or of `bytes` appended to data whose checksum is `previous`.
  ///
  /// - Parameters:
  ///   - bytes: the data.
  ///   - previous: the checksum of the data before `bytes` (0 for none), so a checksum can be
  ///     computed over pieces: `checksum(b, continuing: checksum(a))` equals the checksum of
  ///     `a + b`.
  /// - Returns: the CRC-32C value.
  /// - Complexity: O(`bytes.count`).
  public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
    #if arch(x86_64)
      instructionChecksum(bytes, continuing: previous)
    #else
      tableChecksum(bytes, continuing: previous)
    #endif
  }

  /// `checksum(_:continuing:)` computed with slicing-by-8 tables, on any processor.
  static func tableChecksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32) -> UInt32 {
    tables.withUnsafeBufferPointer { table in
      var crc = ~previous
      var offset = 0
      let count = bytes.count
      while count - offset >= 8 {
        let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
        let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        crc =
          table[7 &* 256 &+ Int(low & 0xFF)] ^ table[6 &* 256 &+ Int((low >> 8) & 0xFF)]
          ^ table[5 &* 256 &+ Int((low >> 16) & 0xFF)] ^ table[4 &* 256 &+ Int(low >> 24)]
          ^ table[3 &* 256 &+ Int(high & 0xFF)] ^ table[2 &* 256 &+ Int((high >> 8) & 0xFF)]
          ^ table[1 &* 256 &+ Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
        offset &+= 8
      }
      while offset < count {
        crc = table[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ (crc >> 8)
        offset &+= 1
      }
      return ~crc
    }
  }

  /// The checksum of a byte sequence.
  ///
  /// - Complexity: O(`bytes.count`).
  public static func checksum(_ bytes: some Sequence<UInt8>, continuing previous: UInt32 = 0) -> UInt32 {
    if let result = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0), continuing: previous) }) {
      return result
    }
    return Array(bytes).withUnsafeBytes { checksum($0, continuing: previous) }
  }

  /// Table `k` (entries `k * 256 ..< (k + 1) * 256`) advances the CRC of a byte followed by
  /// `k` zero bytes; table 0 is the classic byte-at-a-time table.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      tables[byte] = crc
    }
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()
}
