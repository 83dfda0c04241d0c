import Tensor

/// Choosing the matrix-multiply backend for a run (suite `matmul:`, or `NASARENA_MATMUL`).
enum NumericBackendChoice {
  /// The backend for the suite's `matmul` value, and its description for the manifest.
  static func select(_ name: String) throws -> (backend: any MatrixMultiplyBackend, description: String) {
    let choice = BackendChoice(rawValue: name) ?? .automatic
    let backend = try Backends.select(choice)
    return (backend, backend.description)
  }
}
