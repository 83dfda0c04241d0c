import Benchmarks

/// The repository's data folder, shared by the tests (tables are cached per process).
enum TestData {
  static func directory() throws -> DataDirectory { try DataDirectory.locate() }
  static func catalog() throws -> TaskCatalog { TaskCatalog(data: try directory()) }
}

/// Mean of finite values.
func finiteMean(_ values: [Double]) -> Double {
  let finite = values.filter(\.isFinite)
  return finite.reduce(0, +) / Double(finite.count)
}

/// Whether `a` and `b` agree to `tolerance`.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 5e-4) -> Bool { abs(a - b) <= tolerance }
