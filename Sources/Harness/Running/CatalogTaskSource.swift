import Benchmarks

/// The shipped benchmark tasks, read from the verified tables of the data folder.
public struct CatalogTaskSource: TaskSource {
  /// The catalog the tasks come from.
  public let catalog: TaskCatalog

  /// The tasks of the data folder found by `DataDirectory.locate()` (the `NASARENA_DATA`
  /// environment variable, or `data/` above the current directory).
  ///
  /// - Throws: `BenchmarkError` saying where it looked when there is no data folder.
  public init() throws {
    catalog = TaskCatalog(data: try DataDirectory.locate())
  }

  /// The tasks of a given data folder.
  public init(catalog: TaskCatalog) {
    self.catalog = catalog
  }

  public var taskNames: [String] { TaskCatalog.taskNames }

  /// Every task name, without locating the data folder (for validating suites).
  public static var knownTaskNames: [String] { TaskCatalog.taskNames }

  public func task(named name: String) throws -> BenchmarkTask {
    try catalog.task(named: name)
  }

  public func task(declared declaration: TaskDeclaration) throws -> BenchmarkTask {
    try catalog.task(declared: declaration)
  }

  public func dataChecksums(declared declaration: TaskDeclaration) throws -> [String: String] {
    Dictionary(try catalog.dataChecksums(declared: declaration).map { ($0.file, $0.sha256) }, uniquingKeysWith: { first, _ in first })
  }

  public func dataChecksums(for taskNames: [String]) throws -> [String: String] {
    var checksums: [String: String] = [:]
    for name in taskNames {
      for file in try catalog.dataChecksums(for: name) { checksums[file.file] = file.sha256 }
    }
    return checksums
  }
}
