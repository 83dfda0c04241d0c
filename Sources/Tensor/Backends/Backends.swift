#if canImport(Glibc)
  import Glibc
#endif

/// Which matrix-multiply backend a run asks for (suite option `matmul:`, or the environment).
public enum BackendChoice: String, Sendable, Codable, CaseIterable {
  /// OpenBLAS when it loads, otherwise the portable kernel; `NASARENA_MATMUL` can override.
  case automatic = "auto"
  /// OpenBLAS; selecting it fails when the library is missing.
  case openBLAS = "openblas"
  /// The pure-Swift kernel.
  case portable
}

/// Why a backend could not be selected.
public enum BackendError: Error, Equatable, CustomStringConvertible {
  /// OpenBLAS was requested but none of the library names loaded.
  case openBLASUnavailable(searched: [String])
  /// The environment variable held a value that is not a backend name.
  case unknownChoice(String, source: String)

  public var description: String {
    switch self {
    case .openBLASUnavailable(let searched):
      return "matmul backend: OpenBLAS requested but not loadable; tried \(searched.joined(separator: ", "))"
    case .unknownChoice(let value, let source):
      let allowed = BackendChoice.allCases.map(\.rawValue).joined(separator: ", ")
      return "\(source): unknown matmul backend '\(value)'; allowed: \(allowed)"
    }
  }
}

/// Selection of the matrix-multiply backend, and the one in use by the current task.
///
/// The backend in use is task-local: it is read-only shared state, installed once at start
/// with `Backends.$current.withValue(try Backends.select(choice)) { ... }` and inherited by
/// child tasks. Without that, it is the automatic choice.
public enum Backends {
  /// The environment variable consulted when the choice is `.automatic`.
  public static let environmentVariable = "NASARENA_MATMUL"

  /// The backend used by tensor ops in the current task.
  @TaskLocal public static var current: any MatrixMultiplyBackend = automaticDefault

  /// The automatic choice made once per process; falls back to portable if the environment
  /// variable is invalid or names an unavailable library (`select(_:)` reports those errors).
  public static let automaticDefault: any MatrixMultiplyBackend = {
    do { return try select(.automatic) } catch { return PortableBackend() }
  }()

  /// The backend for `choice`.
  ///
  /// - Parameters:
  ///   - choice: The requested backend; `.automatic` honours `NASARENA_MATMUL` when set.
  ///   - environment: The variable's value; by default read from the process environment.
  /// - Returns: The OpenBLAS backend or the portable one.
  /// - Throws: `BackendError` for an unknown variable value or a missing OpenBLAS.
  public static func select(
    _ choice: BackendChoice, environment: String? = environmentValue()
  ) throws -> any MatrixMultiplyBackend {
    switch choice {
    case .portable:
      return PortableBackend()
    case .openBLAS:
      guard let backend = OpenBLASBackend.shared else {
        throw BackendError.openBLASUnavailable(searched: OpenBLASBackend.candidatePaths)
      }
      return backend
    case .automatic:
      if let value = environment, !value.isEmpty {
        guard let forced = BackendChoice(rawValue: value.lowercased()) else {
          throw BackendError.unknownChoice(value, source: environmentVariable)
        }
        if forced != .automatic { return try select(forced, environment: nil) }
      }
      return OpenBLASBackend.shared ?? PortableBackend()
    }
  }

  /// The value of `NASARENA_MATMUL`, if set.
  public static func environmentValue() -> String? {
    getenv(environmentVariable).map { String(cString: $0) }
  }
}
