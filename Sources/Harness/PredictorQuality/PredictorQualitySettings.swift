import SearchMethods

/// The suite's `predictorQuality:` block: how `nasarena predictors` evaluates predictors.
public struct PredictorQualitySettings: Hashable, Sendable {
  /// Training-set sizes n.
  public var sizes = [10, 25, 50, 100, 200, 500, 1000]
  /// Seeds (random splits) per size; the same splits serve every predictor.
  public var seeds = 10
  /// The T of precision@T.
  public var precisionAt = [10, 50]

  /// The defaults.
  public init() {}
}

extension PredictorQualitySettings: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case sizes, seeds, precisionAt }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    sizes = try container.integers(.sizes, default: sizes, each: SuiteLimits.trainingSize, count: SuiteLimits.listCount, path: path)
    seeds = try container.integer(.seeds, default: seeds, in: SuiteLimits.predictorSeeds, path: path)
    precisionAt = try container.integers(
      .precisionAt, default: precisionAt, each: SuiteLimits.precisionAt, count: SuiteLimits.listCount, path: path)
  }
}
