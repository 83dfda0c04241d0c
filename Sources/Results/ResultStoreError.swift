/// Why a run folder could not be read or written.
public enum ResultStoreError: Error, Equatable, CustomStringConvertible {
  /// A file could not be opened.
  case cannotOpen(path: String, reason: String)
  /// A write or flush failed (disk full, permissions).
  case writeFailed(path: String, reason: String)
  /// A required file of the run folder is missing.
  case missingFile(path: String, expected: String)
  /// A complete log line is not a valid record.
  case malformedLine(path: String, line: Int, reason: String)
  /// A JSON file of the run folder does not decode.
  case malformedFile(path: String, reason: String)

  /// One line: where, what, and what was expected.
  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "\(path): cannot open: \(reason)"
    case .writeFailed(let path, let reason): "\(path): write failed: \(reason)"
    case .missingFile(let path, let expected): "\(path): missing; expected \(expected)"
    case .malformedLine(let path, let line, let reason): "\(path):\(line): not a valid log record: \(reason)"
    case .malformedFile(let path, let reason): "\(path): not valid: \(reason)"
    }
  }
}
