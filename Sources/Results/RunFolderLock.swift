import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive write lock of a run folder: at most one process writes a folder at a time.
///
/// An advisory `flock` on the folder's `.lock` file, taken before anything of the folder is
/// written and held until the lock is released (when the value is deinitialized, or the
/// process ends). The file holds the holder's pid, command and start time as text, for the
/// message a refused writer prints. The kernel drops the lock when its holder dies, even by
/// `kill -9`, so a stale `.lock` file never blocks anyone; the file itself stays (removing it
/// would let two writers lock two different files).
public final class RunFolderLock: Sendable {
  /// The locked folder.
  public let folder: RunFolder
  private let descriptor: Int32

  private init(folder: RunFolder, descriptor: Int32) {
    self.folder = folder
    self.descriptor = descriptor
  }

  deinit {
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// Takes the lock of `folder` without waiting.
  ///
  /// - Parameters:
  ///   - folder: the run folder.
  ///   - command: what the holder is doing, e.g. `nasarena run`, shown to refused writers.
  ///   - creating: whether to create the folder (and its parents) first; otherwise a missing
  ///     folder is an error.
  /// - Returns: the held lock.
  /// - Throws: `ResultStoreError.locked` naming the holder when another process holds it;
  ///   `ResultStoreError.cannotOpen` when the folder or its lock file cannot be created.
  public static func acquire(_ folder: RunFolder, command: String, creating: Bool) throws -> RunFolderLock {
    if creating { try folder.create() }
    let path = folder.lockFile
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ResultStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let failure = errno
      if failure == EINTR { continue }
      defer { close(descriptor) }
      if failure == EWOULDBLOCK { throw ResultStoreError.locked(path: folder.path, holder: holderDescription(descriptor)) }
      throw ResultStoreError.cannotOpen(path: path, reason: String(cString: strerror(failure)))
    }
    let text = "pid \(getpid())\ncommand \(command)\nstarted \(ISO8601DateFormatter().string(from: Date()))\n"
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { raw in
      ftruncate(descriptor, 0) == 0 ? pwrite(descriptor, raw.baseAddress, raw.count, 0) : -1
    }
    guard written == bytes.count else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw ResultStoreError.writeFailed(path: path, reason: reason)
    }
    return RunFolderLock(folder: folder, descriptor: descriptor)
  }

  /// `pid 123, nasarena run, started 2026-12-01T15:00:00Z`, from the holder's lock file.
  ///
  /// The holder writes the text just after it takes the lock, over the text of an earlier
  /// holder; a writer refused in that instant (the text is unfinished, or names a process that
  /// no longer runs) waits up to 50 ms for it.
  private static func holderDescription(_ descriptor: Int32) -> String {
    for _ in 0..<50 {
      var buffer = [UInt8](repeating: 0, count: 512)
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
      let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
      var fields: [String: String] = [:]
      for line in text.split(separator: "\n") {
        guard let space = line.firstIndex(of: " ") else { continue }
        fields[String(line[..<space])] = String(line[line.index(after: space)...])
      }
      if text.hasSuffix("\n"), let pid = fields["pid"].flatMap({ pid_t($0) }), kill(pid, 0) == 0 || errno == EPERM {
        return "pid \(pid), \(fields["command"] ?? "?"), started \(fields["started"] ?? "?")"
      }
      usleep(1000)
    }
    return "a process that has not written its pid yet"
  }
}

extension RunFolder {
  /// The lock file, `.lock` (see `RunFolderLock`).
  public var lockFile: String { file(".lock") }
}
