/// Everything that can go wrong while locating, verifying, reading or querying benchmark data.
///
/// Every message has the shape `<where>: <what> '<value>'; <what is allowed>` and names the
/// file involved, so a user can fix the problem from the message alone.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `NASARENA_DATA` is set but the folder it names holds no `SHA256SUMS`.
  case dataDirectoryInvalid(path: String)
  /// `NASARENA_DATA` is unset and no `data/SHA256SUMS` exists above the current directory.
  case dataDirectoryNotFound(searchedFrom: String)
  /// A data file does not exist (or cannot be opened).
  case missingFile(file: String, path: String)
  /// A data file is not listed in `SHA256SUMS`, so it cannot be verified.
  case unlistedFile(file: String, checksumFile: String)
  /// A line of `SHA256SUMS` is not `<64 hex digits>  <relative path>`.
  case malformedChecksumLine(checksumFile: String, line: Int, text: String)
  /// The SHA-256 of a file differs from the value in `SHA256SUMS`.
  case checksumMismatch(file: String, expected: String, actual: String)
  /// A file is not valid gzip.
  case corruptGzip(file: String, reason: String)
  /// A CSV field could not be read.
  case malformedCSV(file: String, line: Int, column: String, value: String, expected: String)
  /// A required CSV column is absent.
  case missingColumn(file: String, column: String, available: [String])
  /// A table's rows contradict what the loader relies on (order, keys, counts).
  case inconsistentTable(file: String, detail: String, value: String)
  /// A task name that the catalog does not know.
  case unknownTask(name: String, known: [String])
  /// A record of a release file being imported is malformed or contradicts the pool:
  /// `record` counts from 0, `offset` is the byte where the record (or the bad part) starts.
  case malformedRecord(file: String, record: Int, offset: Int, problem: String, value: String, expected: String)
  /// A table built by an import command is absent from the data folder.
  case notImported(file: String, path: String, command: String)
  /// A file given on the command line (a release file to import) cannot be opened or read.
  case unreadableFile(path: String, reason: String)
  /// A file of the data folder could not be written.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .dataDirectoryInvalid(let path):
      return "NASARENA_DATA: no SHA256SUMS in '\(path)'; set it to the folder holding SHA256SUMS (the repository's data/)"
    case .dataDirectoryNotFound(let start):
      return
        "data directory: no data/SHA256SUMS found in or above '\(start)'; run from inside the repository or set NASARENA_DATA=/path/to/NASArena/data"
    case .missingFile(let file, let path):
      return "\(file): data file missing at '\(path)'; restore data/ from the repository (git checkout -- data) or fix NASARENA_DATA"
    case .unlistedFile(let file, let checksumFile):
      return "\(file): not listed in '\(checksumFile)'; every data file must have a SHA-256 line there"
    case .malformedChecksumLine(let checksumFile, let line, let text):
      return "\(checksumFile) line \(line): malformed entry '\(text)'; expected '<64 hex digits>  <relative path>'"
    case .checksumMismatch(let file, let expected, let actual):
      return "\(file): checksum mismatch, SHA-256 is '\(actual)'; expected '\(expected)' (file corrupt or replaced)"
    case .corruptGzip(let file, let reason):
      return "\(file): cannot inflate gzip data '\(reason)'; expected a gzip-compressed CSV"
    case .malformedCSV(let file, let line, let column, let value, let expected):
      return "\(file) line \(line) column '\(column)': malformed value '\(value)'; expected \(expected)"
    case .missingColumn(let file, let column, let available):
      return "\(file): missing column '\(column)'; columns present: \(available.joined(separator: ", "))"
    case .inconsistentTable(let file, let detail, let value):
      return "\(file): \(detail) '\(value)'; the loader needs the layout described in the file's README"
    case .unknownTask(let name, let known):
      return "task: unknown task '\(name)'; known: \(known.joined(separator: ", "))"
    case .malformedRecord(let file, let record, let offset, let problem, let value, let expected):
      return "\(file) record \(record) at byte \(offset): \(problem) '\(value)'; expected \(expected)"
    case .notImported(let file, let path, let command):
      return "\(file): not imported, no file at '\(path)'; build it from the official release file with '\(command)'"
    case .unreadableFile(let path, let reason):
      return "\(path): cannot read the file '\(reason)'; expected a readable file (the official release file to import)"
    case .cannotWrite(let path, let reason):
      return "\(path): cannot write the file '\(reason)'; expected a writable data folder"
    }
  }
}
