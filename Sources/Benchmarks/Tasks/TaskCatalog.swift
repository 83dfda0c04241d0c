import SearchSpaces

/// Every task NASArena ships, built on demand from the verified tables of one data folder.
///
/// Tables are loaded once per process and shared by all tasks of a family (see
/// `data/README.md` for the files, their origins and checksums). The catalog is the only way
/// the harness builds a `BenchmarkTask`.
public struct TaskCatalog: Sendable {
  /// The data folder the tasks are read from.
  public let data: DataDirectory

  /// A catalog over `data`; nothing is loaded until a task is asked for.
  public init(data: DataDirectory) {
    self.data = data
  }

  /// The 3-run mean accuracy columns of the full NAS-Bench-101 table the `nb101` task reads (what a
  /// comparison with published full-table numbers checks a run's task against).
  public static let nasBench101FullColumns = Array(NASBench101FullTable.columnNames.prefix(2))
  /// The number of NAS-Bench-101 cells (the pool).
  public static let nasBench101PoolSize = NASBench101Pool.expectedCount

  /// Every task name, grouped by benchmark family in a stable order.
  public static let taskNames: [String] = definitions.map(\.name)

  /// The task `name`, with its labels and optima.
  ///
  /// - Throws: `BenchmarkError.unknownTask` (listing the valid names) or any error of
  ///   loading the task's data files.
  /// - Complexity: the first task of a family loads its tables (see `measureLoading()`);
  ///   later ones cost O(pool size).
  public func task(named name: String) throws -> BenchmarkTask {
    try task(for: try Self.definition(named: name))
  }

  /// The task a definition describes, built from its family's tables.
  func task(for definition: TaskDefinition) throws -> BenchmarkTask {
    switch definition.family {
    case .nasBench201: return try nasBench201Task(definition)
    case .nasBench101: return try nasBench101Task(definition)
    case .nasBench101Full: return try nasBench101FullTask(definition)
    case .transNASMicro: return try transNASMicroTask(definition)
    case .nasBenchGraph: return try nasBenchGraphTask(definition)
    }
  }

  /// The data files (relative to the data folder) that task `name` reads.
  ///
  /// - Throws: `BenchmarkError.unknownTask`.
  public static func dataFiles(for name: String) throws -> [String] {
    try definition(named: name).family.files
  }

  /// The verified SHA-256 of every data file of task `name`, for run manifests.
  ///
  /// - Throws: `unknownTask`, or a verification error naming the file.
  /// - Complexity: O(size of the files) unless already verified in this process.
  public func dataChecksums(for name: String) throws -> [DataFileChecksum] {
    if try Self.definition(named: name).family == .nasBench101Full { try NASBench101FullTable.requireImported(in: data) }
    return try Self.dataFiles(for: name).map { DataFileChecksum(file: $0, sha256: try data.verifiedChecksum(of: $0)) }
  }

  /// One summary per available task, in `taskNames` order (what `nasarena data info` prints).
  ///
  /// - Throws: any error of loading the tables.
  /// - Complexity: loads every table (about 2 s in a release build).
  public func describe() throws -> [TaskSummary] {
    try availableTaskNames.map { TaskSummary(try task(named: $0)) }
  }

  /// The tasks whose tables are in the data folder: every shipped task, and `nb101` once
  /// `nasarena data import-nb101` has built its table.
  public var availableTaskNames: [String] {
    Self.definitions.filter { $0.family != .nasBench101Full || NASBench101FullTable.isImported(in: data) }.map(\.name)
  }

  static func definition(named name: String) throws -> TaskDefinition {
    guard let definition = definitions.first(where: { $0.name == name }) else {
      throw BenchmarkError.unknownTask(name: name, known: taskNames)
    }
    return definition
  }
}

/// The verified checksum of one data file.
public struct DataFileChecksum: Sendable, Hashable, Codable {
  /// Path relative to the data folder, e.g. `nasbench201/nb201_accuracy.csv.gz`.
  public let file: String
  /// 64 lowercase hex digits.
  public let sha256: String
}
