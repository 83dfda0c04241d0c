/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  /// The output folder could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)

  /// `<where>: <what> '<value>'; <what is allowed>`.
  public var description: String {
    switch self {
    case .cannotCreateDirectory(let path, let reason):
      "report: cannot create folder '\(path)'; it must be a writable directory (\(reason))"
    case .cannotWrite(let path, let reason):
      "report: cannot write file '\(path)'; the run folder must be writable (\(reason))"
    }
  }
}
