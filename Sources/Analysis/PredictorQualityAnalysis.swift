import Results

/// Predictor-quality records summarised per task, predictor and training size: mean, spread
/// and count over the paired seeds of Kendall's tau, Spearman's rho, precision@T and fit time.
public struct PredictorQualityAnalysis: Sendable {
  /// One (task, predictor, training size) cell.
  public struct Row: Sendable {
    /// Task name.
    public let task: String
    /// Predictor (method label).
    public let predictor: String
    /// Labelled architectures trained on.
    public let trainingSize: Int
    /// Kendall's tau over seeds.
    public let kendallTau: Summary
    /// Spearman's rho over seeds.
    public let spearmanRho: Summary
    /// Precision@T over seeds, by T (ascending).
    public let precision: [(t: Int, summary: Summary)]
    /// Fit seconds over seeds.
    public let fitSeconds: Summary
  }

  /// The raw records, in evaluation order.
  public let records: [PredictorQualityRecord]
  /// Rows in task order (first appearance), predictor order, then ascending training size.
  public let rows: [Row]
  /// Task names in first-appearance order.
  public let tasks: [String]
  /// Predictor names in first-appearance order.
  public let predictors: [String]
  /// The T values of precision@T.
  public let precisionAt: [Int]

  /// Summarises records.
  ///
  /// - Complexity: O(records log records).
  public init(records: [PredictorQualityRecord]) {
    self.records = records
    tasks = Self.ordered(records.map(\.task))
    predictors = Self.ordered(records.map(\.predictor))
    precisionAt = Set(records.flatMap { $0.precision.keys.compactMap(Int.init) }).sorted()
    let grouped = Dictionary(grouping: records) { "\($0.task)\u{1}\($0.predictor)\u{1}\($0.trainingSize)" }
    var rows: [Row] = []
    for task in tasks {
      for predictor in predictors {
        let sizes = Set(records.filter { $0.task == task && $0.predictor == predictor }.map(\.trainingSize)).sorted()
        for size in sizes {
          let cell = grouped["\(task)\u{1}\(predictor)\u{1}\(size)"] ?? []
          rows.append(
            Row(
              task: task, predictor: predictor, trainingSize: size, kendallTau: Summary(cell.map(\.kendallTau)),
              spearmanRho: Summary(cell.map(\.spearmanRho)),
              precision: precisionAt.map { t in (t, Summary(cell.compactMap { $0.precision[String(t)] })) },
              fitSeconds: Summary(cell.map(\.fitSeconds))))
        }
      }
    }
    self.rows = rows
  }

  private static func ordered(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}
