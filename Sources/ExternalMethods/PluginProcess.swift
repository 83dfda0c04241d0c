import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running plugin program: its stdin and stdout as pipes of JSON lines, its stderr in a
/// file, and the means to stop it.
///
/// Reads wait with `poll` up to a deadline, so a plugin that hangs cannot hang the trial. The
/// plugin runs in its own process group, so stopping it also stops what it started. Pipe ends
/// are close-on-exec, so plugins started at the same time by other trials never hold each
/// other's pipes open.
final class PluginProcess {
  /// What went wrong talking to the process.
  enum Failure: Error {
    /// The program could not be started.
    case cannotStart(String)
    /// No complete line arrived before the deadline.
    case timedOut
    /// The process closed its stdout (usually: it exited); `partial` is an unterminated
    /// last line, if any.
    case closed(partial: String)
    /// The process stopped reading its stdin.
    case notReading
    /// A line longer than the limit.
    case lineTooLong(Int)
  }

  /// Longest line accepted from a plugin.
  static let maximumLineBytes = 16 << 20

  let pid: pid_t
  let stderrPath: String
  private var input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []
  private var exited = false

  /// Starts `command` (program first; a name without `/` is looked up on `PATH`) with its
  /// stderr written to `stderrPath`.
  ///
  /// - Throws: `Failure.cannotStart` naming the reason.
  init(command: [String], stderrPath: String) throws {
    Self.ignoreBrokenPipes
    guard let program = command.first else { throw Failure.cannotStart("an empty command") }
    let errorFile = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard errorFile >= 0 else { throw Failure.cannotStart("cannot write its stderr file \(stderrPath): \(Self.errnoText())") }
    defer { close(errorFile) }
    // Pipes are made close-on-exec and the program spawned under one lock, so no other
    // plugin spawned at the same moment inherits these pipes (`pipe2` is not visible here).
    Self.spawnLock.lock()
    defer { Self.spawnLock.unlock() }
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0 else { throw Failure.cannotStart("no pipe: \(Self.errnoText())") }
    guard pipe(&fromChild) == 0 else {
      close(toChild[0])
      close(toChild[1])
      throw Failure.cannotStart("no pipe: \(Self.errnoText())")
    }
    for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var child: pid_t = 0
    let arguments = command.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }
    let result = posix_spawnp(&child, program, &actions, &attributes, arguments, environ)
    close(toChild[0])
    close(fromChild[1])
    guard result == 0 else {
      close(toChild[1])
      close(fromChild[0])
      let reason = result == ENOENT ? "no such program ('\(program)' is not a file or not on PATH)" : String(cString: strerror(result))
      throw Failure.cannotStart("cannot start '\(program)': \(reason)")
    }
    pid = child
    input = toChild[1]
    output = fromChild[0]
    self.stderrPath = stderrPath
  }

  deinit {
    stop(grace: 0)
    close(output)
  }

  /// Writes one line (a newline is added).
  ///
  /// - Throws: `Failure.notReading` when the process closed its stdin or exited.
  func send(_ line: String) throws {
    guard input >= 0 else { throw Failure.notReading }
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure.notReading
      }
      offset += written
    }
  }

  /// The next line of the process's stdout (without its newline), waiting until `deadline`.
  ///
  /// - Throws: `Failure.timedOut`, `.closed` or `.lineTooLong`.
  func receive(until deadline: ContinuousClock.Instant) throws -> [UInt8] {
    var scanned = 0
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        return line
      }
      scanned = buffer.count
      guard buffer.count <= Self.maximumLineBytes else { throw Failure.lineTooLong(buffer.count) }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { throw Failure.timedOut }
      var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(clamping: max(1, Int((left.seconds * 1000).rounded(.up))))
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        throw Failure.closed(partial: String(decoding: buffer, as: UTF8.self))
      }
      if ready == 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw Failure.closed(partial: String(decoding: buffer, as: UTF8.self))
      }
      if count == 0 { throw Failure.closed(partial: String(decoding: buffer, as: UTF8.self)) }
      buffer.append(contentsOf: chunk[..<count])
    }
  }

  /// Closes the process's stdin, waits up to `grace` seconds for it to exit, then stops its
  /// process group (SIGTERM, then SIGKILL a second later) and reaps it.
  func stop(grace: Double) {
    if input >= 0 {
      close(input)
      input = -1
    }
    guard !exited else { return }
    if waitForExit(seconds: grace) { return }
    kill(-pid, SIGTERM)
    if waitForExit(seconds: 1) { return }
    kill(-pid, SIGKILL)
    _ = waitForExit(seconds: 5)
  }

  /// How the process ended, once it has (e.g. "exit status 1", "killed by signal 9"), else `nil`.
  private(set) var ending: String?

  private func waitForExit(seconds: Double) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while true {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        exited = true
        let signal = status & 0x7F
        ending = signal == 0 ? "exit status \((status >> 8) & 0xFF)" : "killed by signal \(signal)"
        // Anything the process started in its group goes with it.
        kill(-pid, SIGKILL)
        return true
      }
      if result < 0 && errno != EINTR {
        exited = true
        return true
      }
      if ContinuousClock.now >= deadline { return false }
      usleep(10_000)
    }
  }

  /// Waits briefly for an exit that has already begun (after stdout closed), so a failure can
  /// say how the process ended.
  func settle() {
    if !exited { _ = waitForExit(seconds: 0.5) }
  }

  /// The last `count` lines of the stderr file.
  func stderrTail(_ count: Int) -> [String] {
    guard count > 0, let data = FileManager.default.contents(atPath: stderrPath) else { return [] }
    let text = String(decoding: data.suffix(65_536), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return Array(lines.suffix(count))
  }

  private static let spawnLock = NSLock()

  /// Writing to a plugin that has exited must be an error, not the end of nasarena.
  private static let ignoreBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
  }()

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}
