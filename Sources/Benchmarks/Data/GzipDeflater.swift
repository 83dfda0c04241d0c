import CZlib

/// Compresses bytes held in memory into one gzip member, with zlib: the writer of the tables
/// an import builds (the reader is `GzipInflater`).
enum GzipDeflater {
  /// The gzip stream of `bytes` (zlib level 6, its default trade-off of size and speed).
  ///
  /// - Parameter file: the name used in error messages.
  /// - Throws: `BenchmarkError.corruptGzip` when zlib fails (it only does when out of memory).
  /// - Complexity: O(bytes.count).
  static func deflate(_ bytes: [UInt8], file: String) throws -> [UInt8] {
    var stream = z_stream()
    let windowBits: Int32 = 16 + MAX_WBITS  // 16 + window: a gzip header and trailer
    guard deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw BenchmarkError.corruptGzip(file: file, reason: "zlib initialisation failed") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    var status: Int32 = Z_OK
    bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out in
        stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.avail_in = UInt32(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        status = CZlib.deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else {
      throw BenchmarkError.corruptGzip(file: file, reason: stream.msg.map { String(cString: $0) } ?? "zlib deflate status \(status)")
    }
    output.removeSubrange(Int(stream.total_out)...)
    return output
  }
}
