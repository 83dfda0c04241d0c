import Foundation
import Harness

/// Progress of a run on standard error: trials done, queries per second, time left.
///
/// Silent when standard error is not a terminal (logs, CI) or with `--quiet`.
final class ProgressPrinter: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var lastPrint = Date.distantPast
  private var printed = false

  init(enabled: Bool) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  /// Shows `progress`, at most ten times a second.
  @Sendable func update(_ progress: RunProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard progress.finished == progress.total || now.timeIntervalSince(lastPrint) > 0.1 else { return }
    lastPrint = now
    let rate = progress.elapsedSeconds > 0 ? Double(progress.queries) / progress.elapsedSeconds : 0
    let left =
      progress.finished > 0
      ? progress.elapsedSeconds / Double(progress.finished) * Double(progress.total - progress.finished) : 0
    let failed = progress.failed > 0 ? ", \(progress.failed) failed" : ""
    let line = String(
      format: "\r[%d/%d trials] %.0f queries/s, %@ left%@   ",
      progress.finished, progress.total, rate, Self.clock(left), failed)
    FileHandle.standardError.write(Data(line.utf8))
    printed = true
  }

  /// Ends the progress line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if printed { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  private static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return String(format: "%d:%02d", total / 60, total % 60)
  }
}
