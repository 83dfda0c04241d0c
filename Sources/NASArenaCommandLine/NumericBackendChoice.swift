import Harness
import Tensor

/// Choosing the matrix-multiply backend for a run (suite `matmul:`, or `NASARENA_MATMUL`).
enum NumericBackendChoice {
  /// The backend for the suite's `matmul` value, and its description for the manifest.
  static func select(_ name: String) throws -> (backend: any MatrixMultiplyBackend, description: String) {
    let choice = BackendChoice(rawValue: name) ?? .automatic
    let backend = try Backends.select(choice)
    return (backend, backend.description)
  }

  /// Why the backend named `name` cannot be used on this machine, or `nil` when it can (for
  /// the suite pre-flight).
  static func problem(_ name: String) -> String? {
    do {
      _ = try select(name)
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// The pre-flight of suites over `source` with this machine's backends.
  static func preflight(_ source: any TaskSource) -> SuitePreflight {
    SuitePreflight(source: source, backendProblem: { problem($0) })
  }
}
