#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few operating-system calls the data loader needs: reading whole files, writing the
/// tables an import builds, the current directory and environment variables. Kept in one file so the rest of the target is plain
/// Swift.
enum SystemFiles {
  /// The whole content of the file at `path`, or `nil` when it cannot be opened or read.
  ///
  /// Files that report size 0 (such as those under `/proc`) are read until end of file.
  /// - Complexity: O(file size).
  static func contents(ofFile path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 1 << 12))
    var filled = 0
    while true {
      if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let count = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return read(descriptor, base + filled, buffer.count - filled)
      }
      if count < 0 { return nil }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  /// Writes `bytes` to `path` through a temporary file in the same folder renamed over it, so
  /// a reader sees the old file or the whole new one, never a partial one.
  ///
  /// - Throws: `BenchmarkError.cannotWrite` with the system's reason.
  /// - Complexity: O(bytes.count).
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let temporary = path + ".partial-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchmarkError.cannotWrite(path: path, reason: lastError()) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return write(descriptor, base + written, buffer.count - written)
      }
      guard count > 0 else {
        let reason = lastError()
        close(descriptor)
        unlink(temporary)
        throw BenchmarkError.cannotWrite(path: path, reason: reason)
      }
      written += count
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, path) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw BenchmarkError.cannotWrite(path: path, reason: reason)
    }
  }

  /// Creates the folder `path` unless it exists (its parent must exist).
  ///
  /// - Throws: `BenchmarkError.cannotWrite` with the system's reason.
  static func makeDirectory(_ path: String) throws {
    var status = stat()
    if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR { return }
    guard mkdir(path, 0o755) == 0 else { throw BenchmarkError.cannotWrite(path: path, reason: lastError()) }
  }

  /// Makes `path` a symbolic link to `target`, replacing a link already there.
  ///
  /// - Throws: `BenchmarkError.cannotWrite` with the system's reason.
  static func link(_ path: String, to target: String) throws {
    unlink(path)
    guard symlink(target, path) == 0 else { throw BenchmarkError.cannotWrite(path: path, reason: lastError()) }
  }

  /// The text of the last system error (`strerror(errno)`).
  static func lastError() -> String {
    String(cString: strerror(errno))
  }

  /// Whether a regular file exists at `path`.
  static func fileExists(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  /// The value of environment variable `name`, or `nil` when unset or empty.
  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }

  /// The absolute path of the current directory.
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Peak resident set size of this process in bytes (Linux `VmHWM`), or `nil` elsewhere.
  static func peakResidentBytes() -> Int? {
    guard let status = contents(ofFile: "/proc/self/status") else { return nil }
    let text = String(decoding: status, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
