import Benchmarks
import ExternalMethods
import Results
import SearchMethods

/// A comparison to run, decoded from a YAML suite: tasks x methods x trials under one budget.
///
/// Decoding fills every default and fails before anything runs; the resolved suite (defaults
/// included) is written into the run folder, and a run resumes or merges only with the same
/// resolved suite.
public struct Suite: Sendable {
  /// Name of the suite; run folders are named after it.
  public var name: String
  /// Root seed; trial seeds derive from (seed, task, trial index).
  public var seed: UInt64
  /// Trials per (task, method).
  public var trials: Int
  /// What a trial may spend.
  public var budget: Budget
  /// Whether re-querying an architecture costs budget.
  public var duplicates: DuplicatePolicy
  /// Task names, in report order (shipped tasks and declared ones).
  public var tasks: [String]
  /// The tasks the suite declares over shipped benchmarks, in suite order.
  public var declaredTasks: [TaskDeclaration]
  /// The methods with their settings, in report order.
  public var methods: [MethodSpec]
  /// Trials run at once; 0 means one per core.
  public var workers: Int
  /// The matrix-multiply backend for learned methods: `auto`, `openblas` or `portable`.
  public var matmul: String
  /// How records are analysed and reported.
  public var report: ReportSettings
  /// How `nasarena predictors` evaluates the methods' predictors.
  public var predictorQuality: PredictorQualitySettings
  /// The published numbers `nasarena reproduce` holds this suite against, if any.
  public var reproduction: ReproductionPlan?

  /// Method labels in suite order.
  public var methodLabels: [String] { methods.map(\.label) }

  /// The reconstruction note of each method label whose method is a reconstruction, or `nil`
  /// when none is.
  public var reconstructions: [String: String]? {
    let notes = Dictionary(methods.compactMap { spec in spec.entry.reconstruction.map { (spec.label, $0) } }, uniquingKeysWith: { a, _ in a })
    return notes.isEmpty ? nil : notes
  }
}

/// What one trial may spend.
public enum Budget: Hashable, Sendable {
  /// Unique evaluated architectures.
  case queries(Int)
  /// Simulated training seconds (sum of the task's cost column over evaluated architectures).
  case seconds(Double)

  /// The budget as the manifest records it, for log readers to check.
  public var limit: BudgetLimit {
    switch self {
    case .queries(let count): .queries(count)
    case .seconds(let seconds): .seconds(seconds)
    }
  }
}

/// Whether a repeated query of an architecture counts against the budget.
public enum DuplicatePolicy: String, Hashable, Sendable, Codable, CaseIterable {
  /// A repeat returns the remembered signal and costs nothing (default).
  case free
  /// A repeat is counted and logged as a query again (at no extra simulated cost).
  case counted
}

/// One method of a suite: which method, under which label, with which settings.
public struct MethodSpec: Sendable {
  /// The registry entry.
  public let entry: MethodEntry
  /// The label in logs and reports; the method name unless the suite gives `label:`.
  public let label: String
  /// The decoded, validated settings.
  public let settings: any MethodSettings
  /// The program and options of a plugin (`method: external`), `nil` for a built-in method.
  public let launch: PluginLaunch?
}
