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
    sizes = try container.decode(.sizes, default: sizes)
    guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 2 }) else {
      throw SuiteValueError(path: path + ["sizes"], message: "expected a non-empty list of training sizes >= 2")
    }
    seeds = try container.decode(.seeds, default: seeds)
    guard seeds >= 1 else { throw SuiteValueError(path: path + ["seeds"], message: "invalid value '\(seeds)'; expected an integer >= 1") }
    precisionAt = try container.decode(.precisionAt, default: precisionAt)
    guard !precisionAt.isEmpty, precisionAt.allSatisfy({ $0 >= 1 }) else {
      throw SuiteValueError(path: path + ["precisionAt"], message: "expected a non-empty list of integers >= 1")
    }
  }
}
