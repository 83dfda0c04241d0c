import SearchMethods

/// A suite's `reproduce:` block: which published numbers (rows of `baselines/published.csv`) the
/// suite's methods and tasks are held against, and how close counts as reproduced.
///
/// ```yaml
/// reproduce:
///   tolerance: 0.5            # |ours - published| <= 0.5 published standard deviations
///   targets:
///     - { row: nb201-paper-c10-random-search, method: random-search, task: nb201-cifar10-12ep }
/// ```
public struct ReproductionPlan: Sendable, Hashable {
  /// One published row against one (method label, task) of the suite.
  public struct Target: Sendable, Hashable {
    /// The row's `id`.
    public let row: String
    /// A method label of the suite.
    public let method: String
    /// A task of the suite.
    public let task: String
  }

  /// The largest difference, in published standard deviations over trials, that counts as
  /// reproduced.
  public var tolerance: Double
  /// The published numbers file, relative to the working directory.
  public var baselines: String
  /// The targets, in table order.
  public var targets: [Target]

  /// The default published numbers file.
  public static let defaultBaselines = "baselines/published.csv"
}

extension ReproductionPlan: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case tolerance, baselines, targets }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    tolerance = try container.number(.tolerance, default: 0.5, in: SettingBounds(0.0...100.0), path: path)
    baselines = try container.scalar(String.self, .baselines, default: Self.defaultBaselines, expected: "a file path", path: path)
    guard container.contains(.targets), var list = try? container.nestedUnkeyedContainer(forKey: .targets) else {
      throw SuiteValueError(path: path + ["targets"], message: "missing or not a list; expected targets, each {row, method, task}")
    }
    var targets: [Target] = []
    while !list.isAtEnd { targets.append(try list.decode(Target.self)) }
    guard !targets.isEmpty else { throw SuiteValueError(path: path + ["targets"], message: "no targets; expected at least one") }
    self.targets = targets
  }
}

extension ReproductionPlan.Target: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case row, method, task }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    row = try container.scalar(String.self, .row, default: nil, expected: "a row id of the published numbers", path: path)
    method = try container.scalar(String.self, .method, default: nil, expected: "a method label of the suite", path: path)
    task = try container.scalar(String.self, .task, default: nil, expected: "a task of the suite", path: path)
  }
}
