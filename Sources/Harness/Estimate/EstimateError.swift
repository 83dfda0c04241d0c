/// Why `nasarena estimate` could not read a timing source.
public enum EstimateError: Error, Equatable, CustomStringConvertible {
  /// A `trials.csv` row or header that does not hold what a timing needs.
  case unreadableTrials(path: String, line: Int, detail: String)
  /// A folder given with `--from` that is not a run folder.
  case notARun(path: String, missing: String)

  public var description: String {
    switch self {
    case .unreadableTrials(let path, let line, let detail):
      return "\(path):\(line): \(detail)"
    case .notARun(let path, let missing):
      return "\(path): not a run folder with trial times (no \(missing))"
    }
  }
}
