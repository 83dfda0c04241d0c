import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a log: the file in pieces, every line verified as it comes.
///
/// A log of a million queries is a few hundred megabytes, so it is read in chunks of
/// `RunLog.chunkBytes` and never held whole; a line longer than a chunk grows the buffer. Query
/// lines, nearly all of a log, are read by `QueryLineParser` straight into numbers and pooled
/// strings; any line it does not take goes through `JSONDecoder`, as every line once did.
extension RunLog {
  /// Bytes read from the file at a time.
  static let chunkBytes = 1 << 20

  /// Every complete line of the log at `path`, each verified; a torn last line (no final
  /// newline) is ignored. A missing file reads as empty.
  ///
  /// Every line's checksum is recomputed (see `line(for:encoder:)`) and every trial's lines
  /// are checked to form one uninterrupted trial (see `LogAudit`): numbered queries without
  /// gaps or repeats, consistent cost sums, at most one closing line and nothing after it,
  /// and no query over `budget` when it is given.
  ///
  /// - Parameters:
  ///   - path: the log file.
  ///   - budget: the run's budget, to check that no trial exceeds it (`nil`: not checked).
  /// - Throws: `ResultStoreError.malformedLine` for a complete line that does not decode or
  ///   whose checksum does not match; `ResultStoreError.inconsistentLog` for a line that does
  ///   not continue its trial; both name the file and the line. `ResultStoreError.malformedFile`
  ///   when the file cannot be read.
  /// - Complexity: O(size of the file).
  public static func read(path: String, budget: BudgetLimit? = nil) throws -> [LogEntry] {
    try read(path: path, budget: budget, workers: ProcessInfo.processInfo.activeProcessorCount)
  }

  /// `read(path:budget:)` with the parallel reading's settings (see `scan`).
  static func read(
    path: String, budget: BudgetLimit?, workers: Int, blockBytes: Int = readingBlockBytes,
    threshold: Int = parallelReadingBytes
  ) throws -> [LogEntry] {
    var scanner = LogScanner(path: path, budget: budget)
    var entries: [LogEntry] = []
    try scan(path: path, scanner: &scanner, workers: workers, blockBytes: blockBytes, threshold: threshold) { scanner, line in
      switch line {
      case .query(let fields, _): entries.append(.query(scanner.record(fields)))
      case .entry(let entry): entries.append(entry)
      }
    }
    return entries
  }

  /// Calls `body` with every complete, non-empty line of the file at `path` (without its
  /// newline) and its 1-based line number, reading the file a chunk at a time; bytes after the
  /// last newline (a torn last line) are not passed. A file that cannot be opened is read as
  /// empty.
  ///
  /// - Throws: what `body` throws; `ResultStoreError.malformedFile` when a read fails.
  static func forEachLine(path: String, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    try forEachLine(descriptor: descriptor, path: path, startingIn: 0..<Int.max, body)
  }

  /// Calls `body` with every complete, non-empty line that starts at a file offset in `range`
  /// (without its newline) and its 1-based number among those lines; a line that starts before
  /// `range` and ends inside it is skipped, one that starts inside and ends after it is read
  /// to its end. Consecutive ranges thus split a file's lines between them, each line to one
  /// range, so that threads can read the ranges of one file side by side.
  ///
  /// - Returns: how many lines (empty ones included) start in `range` and end with a newline.
  /// - Throws: what `body` throws; `ResultStoreError.malformedFile` when a read fails.
  @discardableResult
  static func forEachLine(
    descriptor: Int32, path: String, startingIn range: Range<Int>, _ body: (UnsafeRawBufferPointer, Int) throws -> Void
  ) throws -> Int {
    var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 8)
    defer { buffer.deallocate() }
    var filled = 0
    var lineNumber = 0
    // Reading starts one byte early: if that byte is a newline, the range's first line starts
    // exactly at its lower bound; otherwise the line it ends belongs to the range before.
    var readOffset = max(range.lowerBound - 1, 0)
    /// The file offset of `buffer`'s first byte.
    var bufferOffset = readOffset
    var skipping = range.lowerBound > 0
    while true {
      if filled == buffer.count {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
      }
      // swift-format-ignore: NeverForceUnwrap
      // An allocated buffer of at least one byte has a base address.
      let base = buffer.baseAddress!
      let count = readBytes(descriptor, base + filled, buffer.count - filled, at: readOffset)
      if count < 0 {
        if errno == EINTR { continue }
        throw ResultStoreError.malformedFile(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { return lineNumber }
      readOffset += count
      let end = filled + count
      var start = 0
      var searched = filled
      while let found = memchr(base + searched, Int32(UInt8(ascii: "\n")), end - searched) {
        let lineEnd = base.distance(to: found)
        if skipping {
          skipping = false
        } else {
          guard bufferOffset + start < range.upperBound else { return lineNumber }
          lineNumber += 1
          if lineEnd > start { try body(UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd]), lineNumber) }
        }
        start = lineEnd + 1
        searched = start
      }
      if !skipping && bufferOffset + start >= range.upperBound { return lineNumber }
      if start > 0 && end > start { memmove(base, base + start, end - start) }
      bufferOffset += start
      filled = end - start
    }
  }
}

/// `pread(2)`, which `RunLog.read` hides inside the extension.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int) -> Int {
  pread(descriptor, buffer, count, off_t(offset))
}

/// Verifies and reads one log line after another, numbering cells as it meets them.
struct LogScanner {
  /// A line read.
  enum Line {
    /// A query, with the number of its cell in `builder`.
    case query(QueryFields, cell: Int)
    /// Any other line.
    case entry(LogEntry)
  }

  /// The file read (for messages).
  let path: String
  /// Pools the strings and numbers the cells of the lines read; a reader may append the query
  /// rows to it.
  var builder = QueryTableBuilder()
  private var audit: LogAudit
  /// The cells met so far, by number (for messages).
  private var cells: [TrialCell] = []
  private let decoder = RunLog.makeDecoder()

  init(path: String, budget: BudgetLimit?) {
    self.path = path
    self.audit = LogAudit(budget: budget)
  }

  /// Verifies and reads the next line (without its newline).
  ///
  /// - Throws: `ResultStoreError.malformedLine` or `ResultStoreError.inconsistentLog`, as
  ///   `RunLog.read` documents.
  mutating func scan(_ line: UnsafeRawBufferPointer, number: Int) throws -> Line {
    if let problem = RunLog.checksumProblem(in: line) {
      throw ResultStoreError.malformedLine(path: path, line: number, reason: problem)
    }
    if let fields = QueryLineParser.fields(of: line, pool: &builder.pool) { return try accept(fields, number: number) }
    return try decode(line, number: number)
  }

  /// Checks the next line, a query already parsed (its strings in `builder.pool`), against
  /// its trial.
  ///
  /// - Throws: `ResultStoreError.inconsistentLog`, as `RunLog.read` documents.
  mutating func accept(_ fields: QueryFields, number: Int) throws -> Line {
    let cell = cellNumber(task: fields.task, method: fields.method, trial: fields.trial)
    if let problem = audit.problem(
      withQuery: fields.query, cost: fields.cost, cumulativeCost: fields.cumulativeCost, cell: cell, line: number,
      name: cells[cell])
    {
      throw ResultStoreError.inconsistentLog(path: path, line: number, reason: problem)
    }
    return .query(fields, cell: cell)
  }

  /// Decodes and checks the next line, one with a valid checksum that `QueryLineParser` does
  /// not take.
  ///
  /// - Throws: `ResultStoreError.malformedLine` or `ResultStoreError.inconsistentLog`, as
  ///   `RunLog.read` documents.
  mutating func decode(_ line: UnsafeRawBufferPointer, number: Int) throws -> Line {
    let entry: LogEntry
    do {
      entry = try decoder.decode(LogEntry.self, from: Data(line))
    } catch {
      throw ResultStoreError.malformedLine(path: path, line: number, reason: "\(error)")
    }
    let name = entry.cell
    let cell = cellNumber(task: builder.pool.id(of: name.task), method: builder.pool.id(of: name.method), trial: name.trial)
    if let problem = audit.problem(with: entry, cell: cell, line: number) {
      throw ResultStoreError.inconsistentLog(path: path, line: number, reason: problem)
    }
    guard case .query(let record) = entry else { return .entry(entry) }
    return .query(
      QueryFields(
        task: builder.pool.id(of: record.task), method: builder.pool.id(of: record.method), trial: record.trial,
        query: record.query, poolIndex: record.poolIndex, key: builder.pool.id(of: record.key), signal: record.signal,
        report: record.report, cost: record.cost, cumulativeCost: record.cumulativeCost, batch: record.batch,
        methodSeconds: record.methodSeconds, initial: record.initial),
      cell: cell)
  }

  /// The record of query fields read by this scanner.
  func record(_ fields: QueryFields) -> QueryRecord {
    QueryRecord(
      task: builder.pool[fields.task], method: builder.pool[fields.method], trial: fields.trial, query: fields.query,
      poolIndex: fields.poolIndex, key: builder.pool[fields.key], signal: fields.signal, report: fields.report,
      cost: fields.cost, cumulativeCost: fields.cumulativeCost, batch: fields.batch, methodSeconds: fields.methodSeconds,
      initial: fields.initial)
  }

  private mutating func cellNumber(task: Int32, method: Int32, trial: Int) -> Int {
    let number = builder.cell(task: task, method: method, trial: trial)
    if number == cells.count { cells.append(builder.cellName(number)) }
    return number
  }
}
