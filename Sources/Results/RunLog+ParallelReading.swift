import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a large log on all cores: worker threads verify checksums and parse blocks of the
/// file side by side, and the calling thread checks their lines against their trials in file
/// order.
///
/// Checksums and parsing are most of the cost of reading and need nothing but the line; the
/// trial checks (`LogAudit`) and the numbering of cells and strings are cheap but depend on
/// every line before, so they stay sequential. The result (entries, cell and string numbers,
/// the first error and its line number) is the sequential reader's.
extension RunLog {
  /// Logs smaller than this are read on the calling thread alone.
  static let parallelReadingBytes = 16 << 20
  /// The size of the blocks the workers parse, one at a time each.
  static let readingBlockBytes = 4 << 20

  /// Scans every complete line of the log at `path` with `scanner`, in file order, and passes
  /// what `LogScanner.scan` returns for it to `body`, with the scanner; a torn last line is
  /// ignored and a missing file reads as empty, as in `forEachLine`.
  ///
  /// - Parameters:
  ///   - workers: the threads that parse blocks; 1 (or a file smaller than `threshold`)
  ///     reads on the calling thread alone.
  ///   - blockBytes: the size of a block.
  ///   - threshold: the smallest file read by workers.
  /// - Throws: the errors of `LogScanner.scan` for the first bad line, with its line number;
  ///   what `body` throws; `ResultStoreError.malformedFile` when a read fails.
  static func scan(
    path: String, scanner: inout LogScanner, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    blockBytes: Int = readingBlockBytes, threshold: Int = parallelReadingBytes,
    _ body: (inout LogScanner, LogScanner.Line) throws -> Void
  ) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let size = Int(lseek(descriptor, 0, SEEK_END))
    guard workers > 1, size >= threshold else {
      try forEachLine(descriptor: descriptor, path: path, startingIn: 0..<Int.max) { line, number in
        let read = try scanner.scan(line, number: number)
        try body(&scanner, read)
      }
      return
    }
    let pipeline = LogBlockPipeline(
      descriptor: descriptor, path: path, fileSize: size, blockBytes: blockBytes, workers: workers)
    defer { pipeline.finish() }
    var firstLine = 1
    var strings = [WorkerStrings](repeating: WorkerStrings(), count: workers)
    for index in 0..<pipeline.blockCount {
      let block = pipeline.take(index)
      try scanner.merge(block, firstLine: firstLine, worker: &strings[block.worker], body)
      firstLine += block.lineCount
    }
  }
}
