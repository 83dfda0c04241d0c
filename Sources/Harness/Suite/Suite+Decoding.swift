import Results
import SearchMethods

extension CodingUserInfoKey {
  /// The `[MethodEntry]` a suite's methods are looked up in.
  static let methodEntries = CodingUserInfoKey(rawValue: "nasarena.methodEntries")!  // swift-format-ignore: NeverForceUnwrap
  /// The `[String]` of valid task names.
  static let taskNames = CodingUserInfoKey(rawValue: "nasarena.taskNames")!  // swift-format-ignore: NeverForceUnwrap
}

extension Suite: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, seed, trials, budget, duplicates, tasks, methods, workers, matmul, report, predictorQuality
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    try Self.check(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }, decoder, .name,
      "invalid name '\(name)'; expected letters, digits, '-', '_' or '.'")
    seed = try container.decode(.seed, default: 0)
    trials = try container.decode(Int.self, forKey: .trials)
    try Self.check(trials >= 1, decoder, .trials, "invalid value '\(trials)'; expected an integer >= 1")
    budget = try container.decode(Budget.self, forKey: .budget)
    let duplicatesText = try container.decode(.duplicates, default: DuplicatePolicy.free.rawValue)
    guard let duplicates = DuplicatePolicy(rawValue: duplicatesText) else {
      throw SuiteValueError(path: decoder.codingPath.map(\.pathComponent) + ["duplicates"],
        message: "invalid value '\(duplicatesText)'; expected one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    self.duplicates = duplicates
    tasks = try container.decode([String].self, forKey: .tasks)
    try Self.check(!tasks.isEmpty, decoder, .tasks, "no tasks; expected at least one task name")
    let known = decoder.userInfo[.taskNames] as? [String] ?? []
    for (index, task) in tasks.enumerated() where !known.contains(task) {
      let hint = Suggestion.closest(to: task, among: known).map { " (did you mean '\($0)'?)" } ?? ""
      throw SuiteValueError(path: ["tasks", String(index)], message: "unknown task '\(task)'\(hint); known: \(known.joined(separator: ", "))")
    }
    try Self.check(Set(tasks).count == tasks.count, decoder, .tasks, "a task is listed twice")
    var methodsContainer = try container.nestedUnkeyedContainer(forKey: .methods)
    var methods: [MethodSpec] = []
    while !methodsContainer.isAtEnd { methods.append(try methodsContainer.decode(MethodSpec.self)) }
    self.methods = methods
    try Self.check(!methods.isEmpty, decoder, .methods, "no methods; expected at least one method")
    let labels = methods.map(\.label)
    if let repeated = labels.first(where: { label in labels.filter { $0 == label }.count > 1 }) {
      throw SuiteValueError(path: ["methods"], message: "label '\(repeated)' is used twice; give one of them a distinct 'label:'")
    }
    workers = try container.decode(.workers, default: 0)
    try Self.check(workers >= 0, decoder, .workers, "invalid value '\(workers)'; expected 0 (one per core) or a positive integer")
    matmul = try container.decode(.matmul, default: "auto")
    try Self.check(["auto", "openblas", "portable"].contains(matmul), decoder, .matmul,
      "invalid value '\(matmul)'; expected one of auto, openblas, portable")
    report = try container.decodeIfPresent(ReportSettingsBlock.self, forKey: .report)?.settings ?? ReportSettings()
    predictorQuality = try container.decodeIfPresent(PredictorQualitySettings.self, forKey: .predictorQuality) ?? PredictorQualitySettings()
    if case .seconds = budget {} else if case .queries(let n) = budget, !report.checkpoints.contains(where: { $0 <= n }) {
      throw SuiteValueError(path: ["report", "checkpoints"], message: "no checkpoint is within the budget of \(n) queries")
    }
  }

  private static func check(_ condition: Bool, _ decoder: any Decoder, _ key: CodingKeys, _ message: String) throws {
    guard condition else { throw SuiteValueError(path: decoder.codingPath.map(\.pathComponent) + [key.stringValue], message: message) }
  }
}

extension Budget: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case queries, seconds }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    switch (try container.decodeIfPresent(Int.self, forKey: .queries), try container.decodeIfPresent(Double.self, forKey: .seconds)) {
    case (let queries?, nil):
      guard queries >= 1 else { throw SuiteValueError(path: path + ["queries"], message: "invalid value '\(queries)'; expected an integer >= 1") }
      self = .queries(queries)
    case (nil, let seconds?):
      guard seconds > 0 else { throw SuiteValueError(path: path + ["seconds"], message: "invalid value '\(seconds)'; expected a positive number of simulated seconds") }
      self = .seconds(seconds)
    default:
      throw SuiteValueError(path: path, message: "expected exactly one of 'queries: N' or 'seconds: T'")
    }
  }
}

extension MethodSpec: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case method, label, settings }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let name = try container.decode(String.self, forKey: .method)
    let entries = decoder.userInfo[.methodEntries] as? [MethodEntry] ?? []
    guard let entry = entries.first(where: { $0.name == name }) else {
      let names = entries.map(\.name)
      let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SuiteValueError(path: decoder.codingPath.map(\.pathComponent) + ["method"],
        message: "unknown method '\(name)'\(hint); known: \(names.joined(separator: ", "))")
    }
    self.entry = entry
    label = try container.decode(.label, default: name)
    guard !label.allSatisfy(\.isWhitespace) else {
      throw SuiteValueError(path: decoder.codingPath.map(\.pathComponent) + ["label"],
        message: "empty label; expected a non-empty name for the method in logs and reports (or no 'label:' to use '\(name)')")
    }
    if container.contains(.settings) {
      settings = try entry.settings(from: try container.superDecoder(forKey: .settings))
    } else {
      settings = entry.defaults
    }
  }
}

/// The suite's `report:` block, decoded with unknown-key checks into `ReportSettings`.
private struct ReportSettingsBlock: Decodable {
  let settings: ReportSettings
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case checkpoints, band, logRegret, secondsGridPoints, bootstrapSamples, confidence, bootstrapSeed
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var settings = ReportSettings()
    let path = decoder.codingPath.map(\.pathComponent)
    settings.checkpoints = try container.decode(.checkpoints, default: settings.checkpoints)
    guard !settings.checkpoints.isEmpty, settings.checkpoints.allSatisfy({ $0 >= 1 }) else {
      throw SuiteValueError(path: path + ["checkpoints"], message: "expected a non-empty list of query counts >= 1")
    }
    let band = try container.decode(.band, default: settings.band.rawValue)
    guard let parsed = ReportSettings.Band(rawValue: band) else {
      throw SuiteValueError(path: path + ["band"], message: "invalid value '\(band)'; expected one of stderr, std")
    }
    settings.band = parsed
    settings.logRegret = try container.decode(.logRegret, default: settings.logRegret)
    settings.secondsGridPoints = try container.decode(.secondsGridPoints, default: settings.secondsGridPoints)
    settings.bootstrapSamples = try container.decode(.bootstrapSamples, default: settings.bootstrapSamples)
    settings.confidence = try container.decode(.confidence, default: settings.confidence)
    guard settings.confidence > 0 && settings.confidence < 1 else {
      throw SuiteValueError(path: path + ["confidence"], message: "invalid value '\(settings.confidence)'; expected a number in (0, 1)")
    }
    guard settings.secondsGridPoints >= 2, settings.bootstrapSamples >= 100 else {
      throw SuiteValueError(path: path, message: "expected secondsGridPoints >= 2 and bootstrapSamples >= 100")
    }
    settings.bootstrapSeed = try container.decode(.bootstrapSeed, default: settings.bootstrapSeed)
    self.settings = settings
  }
}
