import SearchSpaces

/// Tasks declared in suites over the shipped benchmarks.
extension TaskCatalog {
  /// The columns of every shipped benchmark, in a fixed order.
  public static let benchmarkColumns: [BenchmarkColumns] = [
    BenchmarkColumns(benchmark: TaskDefinition.Family.nasBench201.benchmark, columns: NASBench201Space.metricColumns, datasets: nil),
    BenchmarkColumns(benchmark: TaskDefinition.Family.nasBench101.benchmark, columns: NASBench101Labels.columnNames, datasets: nil),
    BenchmarkColumns(benchmark: TaskDefinition.Family.transNASMicro.benchmark, columns: TransNASMicroSpace.metricColumns, datasets: nil),
    BenchmarkColumns(
      benchmark: TaskDefinition.Family.nasBenchGraph.benchmark, columns: NASBenchGraphTable.columnNames, datasets: NASBenchGraphTable.datasets),
  ]

  private static let families: [TaskDefinition.Family] = [.nasBench201, .nasBench101, .transNASMicro, .nasBenchGraph]

  /// What is wrong with `declaration`, or `nil` when it can be built.
  ///
  /// Checked without loading data: the name is new, the benchmark is shipped, the columns are
  /// the benchmark's (with a suggestion for a misspelling), a NAS-Bench-Graph dataset is one of
  /// its nine, and a cost scale is a positive finite number.
  public static func problem(with declaration: TaskDeclaration) -> TaskDeclarationProblem? {
    if declaration.name.isEmpty || !declaration.name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
      return TaskDeclarationProblem(key: ["name"], message: "invalid task name '\(declaration.name)'; expected letters, digits, '-', '_' or '.'")
    }
    if taskNames.contains(declaration.name) {
      return TaskDeclarationProblem(key: ["name"], message: "'\(declaration.name)' is a shipped task; give the declared task another name")
    }
    let benchmarks = benchmarkColumns.map(\.benchmark)
    guard let offer = benchmarkColumns.first(where: { $0.benchmark == declaration.benchmark }) else {
      return TaskDeclarationProblem(
        key: ["benchmark"], message: "unknown benchmark '\(declaration.benchmark)'", value: declaration.benchmark, candidates: benchmarks,
        allowedLabel: "known")
    }
    if let datasets = offer.datasets {
      guard let dataset = declaration.dataset, datasets.contains(dataset) else {
        return TaskDeclarationProblem(
          key: ["dataset"],
          message: declaration.dataset.map { "unknown \(offer.benchmark) dataset '\($0)'" } ?? "\(offer.benchmark) needs a 'dataset:'",
          value: declaration.dataset, candidates: datasets, allowedLabel: "datasets")
      }
    }
    var named = [(["signal"], declaration.signal), (["report"], declaration.report)]
    if let cost = declaration.cost { named.append((["cost", "column"], cost.column)) }
    for (key, column) in named where !offer.columns.contains(column) {
      return TaskDeclarationProblem(
        key: key, message: "unknown column '\(column)' of \(offer.benchmark)", value: column, candidates: offer.columns, allowedLabel: "columns")
    }
    if let scale = declaration.cost?.scale, !(scale.isFinite && scale > 0) {
      return TaskDeclarationProblem(key: ["cost", "scale"], message: "invalid value '\(scale)'; expected a positive finite number")
    }
    return nil
  }

  /// The declared task, with its labels and optima.
  ///
  /// - Throws: `BenchmarkError.unknownTask` when the declaration does not check out (see
  ///   `problem(with:)`), or any error of loading the benchmark's data.
  public func task(declared declaration: TaskDeclaration) throws -> BenchmarkTask {
    try task(for: try Self.definition(declared: declaration))
  }

  /// The data files a declared task reads.
  public static func dataFiles(declared declaration: TaskDeclaration) throws -> [String] {
    try definition(declared: declaration).family.files
  }

  /// The verified SHA-256 of every data file of a declared task.
  public func dataChecksums(declared declaration: TaskDeclaration) throws -> [DataFileChecksum] {
    try Self.dataFiles(declared: declaration).map { DataFileChecksum(file: $0, sha256: try data.verifiedChecksum(of: $0)) }
  }

  static func definition(declared declaration: TaskDeclaration) throws -> TaskDefinition {
    if let problem = problem(with: declaration) {
      throw BenchmarkError.unknownTask(name: "\(declaration.name) (\(problem.key.joined(separator: ".")): \(problem.message))", known: taskNames)
    }
    guard let family = families.first(where: { $0.benchmark == declaration.benchmark }) else {
      throw BenchmarkError.unknownTask(name: declaration.name, known: taskNames)
    }
    let cost = declaration.cost.map { rule in
      TaskDefinition.Cost(
        column: rule.column, scale: rule.scale, label: rule.scale == 1 ? rule.column : "\(NumberText.short(rule.scale)) x \(rule.column)")
    }
    let caveat: String? =
      switch family {
      case .nasBench101: definitions.first { $0.family == .nasBench101 }?.caveat
      case .transNASMicro: "validation metric only"
      case .nasBench201, .nasBench101Full, .nasBenchGraph: nil
      }
    return TaskDefinition(
      name: declaration.name, family: family, dataset: declaration.dataset ?? declaration.benchmark, signal: declaration.signal,
      report: declaration.report, cost: cost, caveat: caveat)
  }
}

/// Short decimal text for scales in column labels (`12`, `606.8`).
enum NumberText {
  static func short(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

/// Why a task declaration cannot be built: the key path inside the declaration, the message,
/// and the allowed values (for a spelling suggestion and the list the message ends with).
public struct TaskDeclarationProblem: Hashable, Sendable {
  /// The key path inside the declaration, e.g. `["cost", "column"]`.
  public let key: [String]
  /// What is wrong.
  public let message: String
  /// The offending value, when it should be one of `candidates`.
  public let value: String?
  /// The allowed values, or empty.
  public let candidates: [String]
  /// What the allowed values are called in the message (`columns`, `datasets`).
  public let allowedLabel: String

  /// Creates a problem.
  public init(key: [String], message: String, value: String? = nil, candidates: [String] = [], allowedLabel: String = "allowed") {
    self.key = key
    self.message = message
    self.value = value
    self.candidates = candidates
    self.allowedLabel = allowedLabel
  }
}
