/// Why a suite could not be loaded, with where in which file.
public enum SuiteError: Error, Equatable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case unreadable(file: String, reason: String)
  /// The file is not valid YAML.
  case syntax(file: String, line: Int, column: Int, reason: String)
  /// A value is wrong: the location, the key path, and the message (what was found and what
  /// was expected).
  case invalid(file: String, line: Int, column: Int, path: String, message: String)

  /// `file:line:column: path: message`.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      "\(file): cannot read suite: \(reason)"
    case .syntax(let file, let line, let column, let reason):
      "\(file):\(line):\(column): not valid YAML: \(reason)"
    case .invalid(let file, let line, let column, let path, let message):
      "\(file):\(line):\(column): \(path.isEmpty ? "" : "\(path): ")\(message)"
    }
  }
}

/// A check of a decoded value that failed; the loader adds the location.
struct SuiteValueError: Error {
  let path: [String]
  let message: String
}
