import Foundation
import Harness

/// Progress of a run on standard error: trials done, queries per second, time left (from each
/// method's mean trial time so far) and, per method with trials left, its time per trial.
///
/// The line refreshes every second between trials, counting the time left down, and after
/// every finished trial. Silent when standard error is not a terminal (logs, CI) or with
/// `--quiet`.
final class ProgressPrinter: @unchecked Sendable {
  private let enabled: Bool
  private let lock = NSLock()
  private var lastPrint = Date.distantPast
  private var printed = false
  private var latest: (progress: RunProgress, at: Date)?
  private var timer: Task<Void, Never>?

  init(enabled: Bool) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    guard self.enabled else { return }
    timer = Task.detached { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(1))
        self?.refresh()
      }
    }
  }

  deinit { timer?.cancel() }

  /// Shows `progress`, at most ten times a second.
  @Sendable func update(_ progress: RunProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    latest = (progress, now)
    guard progress.finished == progress.total || now.timeIntervalSince(lastPrint) > 0.1 else { return }
    show(progress, since: 0, now: now)
  }

  /// Ends the progress line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    timer?.cancel()
    timer = nil
    latest = nil
    if printed { FileHandle.standardError.write(Data("\n".utf8)) }
  }

  /// Prints the last progress again with the time since it arrived.
  private func refresh() {
    lock.lock()
    defer { lock.unlock() }
    guard let latest, latest.progress.finished < latest.progress.total else { return }
    let now = Date()
    show(latest.progress, since: now.timeIntervalSince(latest.at), now: now)
  }

  private func show(_ progress: RunProgress, since: Double, now: Date) {
    lastPrint = now
    let elapsed = progress.elapsedSeconds + since
    let rate = elapsed > 0 ? Double(progress.queries) / elapsed : 0
    let estimate =
      progress.secondsLeft
      ?? (progress.finished > 0 ? progress.elapsedSeconds / Double(progress.finished) * Double(progress.total - progress.finished) : 0)
    let left = max(0, estimate - since)
    let failed = progress.failed > 0 ? ", \(progress.failed) failed" : ""
    let perMethod = progress.methods.filter { $0.remaining > 0 }.prefix(4).map { method in
      "\(method.method) \(method.secondsPerTrial.map(Self.perTrial) ?? "?")/trial x \(method.remaining)"
    }
    let methods = perMethod.isEmpty ? "" : " [" + perMethod.joined(separator: ", ") + "]"
    let line = String(
      format: "\r\u{1B}[K[%d/%d trials] %.0f queries/s, %@ left%@%@",
      progress.finished, progress.total, rate, Self.clock(left), failed, methods)
    FileHandle.standardError.write(Data(line.utf8))
    printed = true
  }

  private static func perTrial(_ seconds: Double) -> String {
    seconds < 60 ? String(format: "%.1f s", seconds) : clock(seconds)
  }

  private static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return total >= 3600
      ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) : String(format: "%d:%02d", total / 60, total % 60)
  }
}
