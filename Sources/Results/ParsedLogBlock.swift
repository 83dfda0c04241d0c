/// The lines of one block of a log, checksummed and parsed on a worker thread, waiting to be
/// checked against their trials in file order (see `LogScanner.merge`).
///
/// Query lines are parsed into fields whose strings are ids in the pool of the worker that
/// parsed the block, which it keeps from block to block (a block brings the strings it added,
/// `newStrings`); every other line is kept as bytes for `JSONDecoder`, which the merge runs in order as the
/// sequential reader would. Line numbers are the block's own (1-based); the merge adds the
/// lines of the blocks before. Parsing stops at the first line whose checksum does not match
/// (`failure`): the sequential reader would throw there, after the lines before it.
struct ParsedLogBlock: Sendable {
  /// A line `QueryLineParser` did not take.
  struct OtherLine: Sendable {
    /// Its line number in the block.
    var line: Int
    /// Its bytes, without the newline.
    var bytes: [UInt8]
  }

  /// Why the block's lines end early.
  enum Failure: Sendable {
    /// The line with this number in the block has a bad checksum field.
    case checksum(line: Int, reason: String)
    /// The file could not be read.
    case read(ResultStoreError)
  }

  /// How many lines (empty ones included) start in the block.
  var lineCount = 0
  /// The worker that parsed the block, whose pool the ids of `queries` refer to.
  var worker: Int
  /// The strings the block added to its worker's pool, in id order after those of the
  /// worker's blocks before.
  var newStrings: ArraySlice<String> = []
  /// The query lines, in file order.
  var queries: [QueryFields] = []
  /// The line number in the block of each of `queries`.
  var queryLines: [Int] = []
  /// The other lines, in file order.
  var others: [OtherLine] = []
  /// Set when the lines end early.
  var failure: Failure?

  /// Checksums and parses the lines that start in `range` of the open file `descriptor`, on
  /// worker `worker` with its `pool`.
  static func parse(
    descriptor: Int32, path: String, range: Range<Int>, worker: Int, pool: inout StringPool
  ) -> ParsedLogBlock {
    var block = ParsedLogBlock(worker: worker)
    let known = pool.strings.count
    do {
      block.lineCount = try RunLog.forEachLine(descriptor: descriptor, path: path, startingIn: range) { line, number in
        if let problem = RunLog.checksumProblem(in: line) {
          block.failure = .checksum(line: number, reason: problem)
          throw Stop()
        }
        if let fields = QueryLineParser.fields(of: line, pool: &pool) {
          block.queries.append(fields)
          block.queryLines.append(number)
        } else {
          block.others.append(OtherLine(line: number, bytes: Array(line)))
        }
      }
    } catch let error as ResultStoreError {
      block.failure = .read(error)
    } catch {
      // `Stop`: the failure is recorded.
    }
    block.newStrings = pool.strings[known...]
    return block
  }

  /// Ends the reading of a block at a bad line.
  private struct Stop: Error {}
}

/// What the merge knows of one worker's pool: its strings so far, and the id in the
/// scanner's pool of each string met in the lines merged (-1: not met yet).
struct WorkerStrings {
  var strings: [String] = []
  var ids: [Int32] = []
}

extension LogScanner {
  /// Checks and reads the lines of `block`, whose first line is line `firstLine` of the file,
  /// passing each to `body` as `scan` would have returned it; `worker` is what the blocks
  /// merged before brought of the pool of `block`'s worker.
  ///
  /// A string of the worker's pool is added to `builder.pool` when a line merged first names
  /// it (task, method and key in that order), so the pool numbers its strings as the
  /// sequential reader does.
  ///
  /// - Throws: the error the sequential reader throws for the first bad line of the block;
  ///   what `body` throws.
  mutating func merge(
    _ block: ParsedLogBlock, firstLine: Int, worker: inout WorkerStrings,
    _ body: (inout LogScanner, LogScanner.Line) throws -> Void
  ) throws {
    worker.strings += block.newStrings
    worker.ids += repeatElement(-1, count: block.newStrings.count)
    func id(_ local: Int32) -> Int32 {
      let known = worker.ids[Int(local)]
      if known >= 0 { return known }
      let global = builder.pool.id(of: worker.strings[Int(local)])
      worker.ids[Int(local)] = global
      return global
    }
    let lineBefore = firstLine - 1
    var other = 0
    for (index, local) in block.queries.enumerated() {
      let line = block.queryLines[index]
      while other < block.others.count && block.others[other].line < line {
        try decodeOther(block.others[other], lineBefore: lineBefore, body)
        other += 1
      }
      var fields = local
      fields.task = id(local.task)
      fields.method = id(local.method)
      fields.key = id(local.key)
      try body(&self, try accept(fields, number: lineBefore + line))
    }
    while other < block.others.count {
      try decodeOther(block.others[other], lineBefore: lineBefore, body)
      other += 1
    }
    switch block.failure {
    case nil: break
    case .checksum(let line, let reason): throw ResultStoreError.malformedLine(path: path, line: lineBefore + line, reason: reason)
    case .read(let error): throw error
    }
  }

  private mutating func decodeOther(
    _ other: ParsedLogBlock.OtherLine, lineBefore: Int, _ body: (inout LogScanner, LogScanner.Line) throws -> Void
  ) throws {
    let line = try other.bytes.withUnsafeBytes { try decode($0, number: lineBefore + other.line) }
    try body(&self, line)
  }
}
