import Foundation

/// Worker threads that parse the blocks of one log file ahead of a reader that takes them in
/// file order (see `RunLog.scan`).
///
/// Blocks are numbered from the start of the file; each worker takes the next unparsed one
/// and keeps its own `StringPool` from block to block.
/// At most `window` blocks are parsed and not yet taken, so memory stays a few blocks'
/// worth however large the file. The state is guarded by one `NSCondition`, hence
/// `@unchecked Sendable`.
final class LogBlockPipeline: @unchecked Sendable {
  private let descriptor: Int32
  private let path: String
  private let blockBytes: Int
  /// The number of blocks; the last one reaches to the end of the file, however far it grows.
  let blockCount: Int
  private let window: Int
  private let condition = NSCondition()
  private var nextBlock = 0
  private var taken = 0
  private var parsed: [Int: ParsedLogBlock] = [:]
  private var stopping = false
  private var running = 0

  /// Starts `workers` threads on the blocks of `fileSize` bytes of the open file `descriptor`.
  init(descriptor: Int32, path: String, fileSize: Int, blockBytes: Int, workers: Int) {
    self.descriptor = descriptor
    self.path = path
    self.blockBytes = blockBytes
    self.blockCount = max(1, (fileSize + blockBytes - 1) / blockBytes)
    self.window = 2 * workers + 2
    running = workers
    for index in 0..<workers {
      let thread = Thread { [self] in work(worker: index) }
      thread.name = "nasarena-log-reader-\(index)"
      thread.start()
    }
  }

  /// Block `index`, waiting until it is parsed; blocks are taken in order, each once.
  func take(_ index: Int) -> ParsedLogBlock {
    condition.lock()
    defer { condition.unlock() }
    while parsed[index] == nil { condition.wait() }
    taken = index + 1
    condition.broadcast()
    // swift-format-ignore: NeverForceUnwrap
    // The loop above waited until the block was there.
    return parsed.removeValue(forKey: index)!
  }

  /// Stops the workers after the blocks they are parsing and waits until they have ended
  /// (they read the file, which the caller closes next).
  func finish() {
    condition.lock()
    stopping = true
    condition.broadcast()
    while running > 0 { condition.wait() }
    condition.unlock()
  }

  private func work(worker: Int) {
    var pool = StringPool()
    while true {
      condition.lock()
      while !stopping && nextBlock < blockCount && nextBlock >= taken + window { condition.wait() }
      if stopping || nextBlock >= blockCount {
        running -= 1
        condition.broadcast()
        condition.unlock()
        return
      }
      let index = nextBlock
      nextBlock += 1
      condition.unlock()
      let start = index * blockBytes
      let end = index == blockCount - 1 ? Int.max : start + blockBytes
      let block = ParsedLogBlock.parse(
        descriptor: descriptor, path: path, range: start..<end, worker: worker, pool: &pool)
      condition.lock()
      parsed[index] = block
      condition.broadcast()
      condition.unlock()
    }
  }
}
