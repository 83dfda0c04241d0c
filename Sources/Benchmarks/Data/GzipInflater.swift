import CZlib

/// Inflates gzip data held in memory into one byte buffer, with zlib.
enum GzipInflater {
  /// The uncompressed content of the gzip stream `compressed` (concatenated members allowed).
  ///
  /// The output buffer is sized from the gzip trailer (ISIZE) so that a typical table inflates
  /// without reallocation.
  /// - Parameter file: the name used in error messages.
  /// - Throws: `BenchmarkError.corruptGzip` when zlib rejects the data.
  /// - Complexity: O(uncompressed size).
  static func inflate(_ compressed: [UInt8], file: String) throws -> [UInt8] {
    guard compressed.count >= 18, compressed[0] == 0x1f, compressed[1] == 0x8b else {
      throw BenchmarkError.corruptGzip(file: file, reason: "missing gzip header")
    }
    let n = compressed.count
    let trailerSize = Int(compressed[n - 4]) | Int(compressed[n - 3]) << 8 | Int(compressed[n - 2]) << 16 | Int(compressed[n - 1]) << 24
    var output = [UInt8](repeating: 0, count: max(trailerSize, 1 << 16))
    var produced = 0
    var stream = z_stream()
    let windowBits: Int32 = 16 + MAX_WBITS
    guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw BenchmarkError.corruptGzip(file: file, reason: "zlib initialisation failed")
    }
    defer { inflateEnd(&stream) }
    var failure: String?
    compressed.withUnsafeBufferPointer { input in
      guard let inputBase = input.baseAddress else { return }
      stream.next_in = UnsafeMutablePointer(mutating: inputBase)
      stream.avail_in = UInt32(input.count)
      while true {
        if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
        let status: Int32 = output.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress.map { $0 + produced }
          let room = min(out.count - produced, Int(UInt32.max))
          stream.avail_out = UInt32(room)
          let status = CZlib.inflate(&stream, Z_NO_FLUSH)
          produced += room - Int(stream.avail_out)
          return status
        }
        if status == Z_STREAM_END {
          if stream.avail_in == 0 { return }
          guard inflateReset(&stream) == Z_OK else {
            failure = "cannot reset for next member"
            return
          }
          continue
        }
        if status == Z_BUF_ERROR && stream.avail_in == 0 {
          failure = "truncated stream"
          return
        }
        if status != Z_OK && status != Z_BUF_ERROR {
          failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
          return
        }
      }
    }
    if let failure { throw BenchmarkError.corruptGzip(file: file, reason: failure) }
    output.removeSubrange(produced...)
    return output
  }
}
