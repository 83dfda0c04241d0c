#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read front to back through one fixed buffer, so that a file of hundreds of
/// megabytes (the NAS-Bench-101 release) never sits in memory whole.
///
/// A class: it owns an open file descriptor, closed when the reader goes away.
final class SequentialFile {
  /// The path it reads.
  let path: String
  /// Bytes handed out so far: the file offset of the next byte `read(_:into:)` returns.
  private(set) var offset = 0
  private let descriptor: Int32
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0

  /// Opens `path` for reading in chunks of `chunkSize` bytes.
  ///
  /// - Throws: `BenchmarkError.unreadableFile` with the system's reason.
  init(path: String, chunkSize: Int = 1 << 20) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw BenchmarkError.unreadableFile(path: path, reason: SystemFiles.lastError()) }
    self.path = path
    self.descriptor = descriptor
    self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
  }

  deinit {
    close(descriptor)
  }

  /// Replaces the content of `destination` with the next `count` bytes of the file, or with
  /// fewer when the file ends first.
  ///
  /// - Returns: the number of bytes read (less than `count` only at the end of the file).
  /// - Throws: `BenchmarkError.unreadableFile` with the system's reason when a read fails.
  /// - Complexity: O(count).
  @discardableResult
  func read(_ count: Int, into destination: inout [UInt8]) throws -> Int {
    destination.removeAll(keepingCapacity: true)
    while destination.count < count {
      if start == end {
        let filled = buffer.withUnsafeMutableBytes { raw -> Int in
          guard let base = raw.baseAddress else { return -1 }
          return systemRead(descriptor, base, raw.count)
        }
        guard filled >= 0 else {
          throw BenchmarkError.unreadableFile(path: path, reason: "at byte \(offset): " + SystemFiles.lastError())
        }
        if filled == 0 { break }
        start = 0
        end = filled
      }
      let take = min(end - start, count - destination.count)
      destination.append(contentsOf: buffer[start..<(start + take)])
      start += take
      offset += take
    }
    return destination.count
  }
}

/// The system `read`, under a name the reader's own `read` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

/// A file written front to back through one buffer, flushed whenever it holds `chunkSize`
/// bytes (the synthetic release file of `nasarena perf` is hundreds of megabytes).
final class AppendingFile {
  /// The path it writes.
  let path: String
  private let descriptor: Int32
  private let chunkSize: Int
  private var buffer: [UInt8] = []
  /// Bytes appended so far.
  private(set) var count = 0

  /// Creates (or truncates) the file at `path`.
  ///
  /// - Throws: `BenchmarkError.cannotWrite` with the system's reason.
  init(path: String, chunkSize: Int = 1 << 23) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchmarkError.cannotWrite(path: path, reason: SystemFiles.lastError()) }
    self.path = path
    self.descriptor = descriptor
    self.chunkSize = chunkSize
    buffer.reserveCapacity(chunkSize)
  }

  deinit {
    close(descriptor)
  }

  /// Appends `bytes`.
  ///
  /// - Throws: `BenchmarkError.cannotWrite` when a flush fails.
  func append(_ bytes: [UInt8]) throws {
    buffer += bytes
    count += bytes.count
    if buffer.count >= chunkSize { try flush() }
  }

  /// Writes out what the buffer holds.
  ///
  /// - Throws: `BenchmarkError.cannotWrite` with the system's reason.
  func flush() throws {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return write(descriptor, base + written, raw.count - written)
      }
      guard result > 0 else { throw BenchmarkError.cannotWrite(path: path, reason: SystemFiles.lastError()) }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
