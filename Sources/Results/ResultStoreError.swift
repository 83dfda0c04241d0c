/// Why a run folder could not be read or written.
public enum ResultStoreError: Error, Equatable, CustomStringConvertible {
  /// A file could not be opened for writing, or a folder could not be created.
  case cannotOpen(path: String, reason: String)
  /// A write or flush failed (disk full, permissions).
  case writeFailed(path: String, reason: String)
  /// A required file of the run folder is missing.
  case missingFile(path: String, expected: String)
  /// A complete log line is not a valid record, or its checksum does not match.
  case malformedLine(path: String, line: Int, reason: String)
  /// A log line is a valid record but does not continue its trial (a repeat, a gap, a line
  /// after the trial's end, an exceeded budget, a cost sum that does not add up).
  case inconsistentLog(path: String, line: Int, reason: String)
  /// The log holds no records (a run folder whose run never wrote a line).
  case emptyLog(path: String)
  /// A JSON file of the run folder does not decode.
  case malformedFile(path: String, reason: String)
  /// Another process holds the run folder's write lock.
  case locked(path: String, holder: String)

  /// One line: where, what, and what was expected.
  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "\(path): cannot open for writing: \(reason)"
    case .writeFailed(let path, let reason): "\(path): write failed: \(reason)"
    case .missingFile(let path, let expected): "\(path): missing; expected \(expected)"
    case .malformedLine(let path, let line, let reason): "\(path):\(line): not a valid log record: \(reason)"
    case .inconsistentLog(let path, let line, let reason): "\(path):\(line): inconsistent log: \(reason)"
    case .emptyLog(let path): "\(path): the log holds no records; nothing to report (resume the run with 'nasarena run --resume')"
    case .malformedFile(let path, let reason): "\(path): not valid: \(reason)"
    case .locked(let path, let holder):
      "\(path): the run folder is in use by another nasarena process (\(holder)); wait for it to end, or write to another folder"
    }
  }
}
