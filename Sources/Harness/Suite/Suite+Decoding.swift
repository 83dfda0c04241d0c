import ExternalMethods
import Results
import SearchMethods

extension CodingUserInfoKey {
  /// The `[MethodEntry]` a suite's methods are looked up in.
  // swift-format-ignore: NeverForceUnwrap
  // A non-empty literal raw value always makes a key.
  static let methodEntries = CodingUserInfoKey(rawValue: "nasarena.methodEntries")!
  /// The `[String]` of valid task names.
  // swift-format-ignore: NeverForceUnwrap
  // A non-empty literal raw value always makes a key.
  static let taskNames = CodingUserInfoKey(rawValue: "nasarena.taskNames")!
}

extension Suite: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, seed, trials, budget, duplicates, tasks, methods, workers, matmul, report, predictorQuality, reproduce
  }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    name = try container.scalar(String.self, .name, default: nil, expected: "a name of letters, digits, '-', '_' or '.'", path: path)
    try Self.check(
      !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }, decoder, .name,
      "invalid name '\(name.prefix(60))'; expected letters, digits, '-', '_' or '.'")
    try Self.check(
      name.count <= SuiteLimits.nameLength, decoder, .name,
      "a name of \(name.count) characters; expected at most \(SuiteLimits.nameLength) (run folders are named after it)")
    seed = try container.scalar(UInt64.self, .seed, default: 0, expected: "an integer in 0...\(UInt64.max)", path: path)
    trials = try container.integer(.trials, in: SuiteLimits.trials, path: path)
    guard container.contains(.budget) else {
      throw SuiteValueError(path: path, message: "missing key 'budget'; expected 'queries: N' or 'seconds: T'")
    }
    budget = try container.decode(Budget.self, forKey: .budget)
    duplicates = try container.choice(DuplicatePolicy.self, .duplicates, default: .free, path: path)
    let taskEntries = try container.scalar(
      [TaskEntry].self, .tasks, default: nil, expected: "a list of task names or task declarations", path: path)
    tasks = taskEntries.map(\.name)
    declaredTasks = taskEntries.compactMap { if case .declared(let declaration) = $0 { declaration } else { nil } }
    try Self.check(!tasks.isEmpty, decoder, .tasks, "no tasks; expected at least one task name")
    try Self.check(Set(tasks).count == tasks.count, decoder, .tasks, "a task is listed twice")
    guard container.contains(.methods) else { throw SuiteValueError(path: path, message: "missing key 'methods'; expected a list of methods") }
    guard var methodsContainer = try? container.nestedUnkeyedContainer(forKey: .methods) else {
      throw SuiteValueError(path: ["methods"], message: "expected a list of methods, each a mapping with 'method:'")
    }
    var methods: [MethodSpec] = []
    while !methodsContainer.isAtEnd { methods.append(try methodsContainer.decode(MethodSpec.self)) }
    self.methods = methods
    try Self.check(!methods.isEmpty, decoder, .methods, "no methods; expected at least one method")
    let labels = methods.map(\.label)
    if let repeated = labels.first(where: { label in labels.filter { $0 == label }.count > 1 }) {
      throw SuiteValueError(path: ["methods"], message: "label '\(repeated)' is used twice; give one of them a distinct 'label:'")
    }
    workers = try container.integer(.workers, default: 0, in: SuiteLimits.workers, path: path)
    matmul = try container.choice(MatmulChoice.self, .matmul, default: .auto, path: path).rawValue
    report = try container.decodeIfPresent(ReportSettingsBlock.self, forKey: .report)?.settings ?? ReportSettings()
    predictorQuality = try container.decodeIfPresent(PredictorQualitySettings.self, forKey: .predictorQuality) ?? PredictorQualitySettings()
    reproduction = try container.decodeIfPresent(ReproductionPlan.self, forKey: .reproduce)
    for (index, target) in (reproduction?.targets ?? []).enumerated() {
      let path = ["reproduce", "targets", String(index)]
      guard labels.contains(target.method) else {
        throw SuiteValueError(
          path: path + ["method"], message: "'\(target.method)' is not a method label of this suite; labels: \(labels.joined(separator: ", "))")
      }
      guard tasks.contains(target.task) else {
        throw SuiteValueError(path: path + ["task"], message: "'\(target.task)' is not a task of this suite; tasks: \(tasks.joined(separator: ", "))")
      }
    }
    if case .seconds = budget {
    } else if case .queries(let n) = budget, !report.checkpoints.contains(where: { $0 <= n }) {
      throw SuiteValueError(path: ["report", "checkpoints"], message: "no checkpoint is within the budget of \(n) queries")
    }
    if case .seconds = budget, trials * report.secondsGridPoints > SuiteLimits.curveValues {
      throw SuiteValueError(
        path: ["report", "secondsGridPoints"],
        message: "\(trials) trials x \(report.secondsGridPoints) grid points is more than \(SuiteLimits.curveValues) curve values; use fewer points")
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
    switch (container.contains(.queries), container.contains(.seconds)) {
    case (true, false):
      self = .queries(try container.integer(.queries, in: SuiteLimits.queries, path: path))
    case (false, true):
      self = .seconds(try container.number(.seconds, in: SuiteLimits.seconds, path: path))
    default:
      throw SuiteValueError(path: path, message: "expected exactly one of 'queries: N' or 'seconds: T'")
    }
  }
}

/// The accepted values of `matmul:`.
private enum MatmulChoice: String, CaseIterable {
  case auto, openblas, portable
}

extension MethodSpec: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case method, label, settings, command, options }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let path = decoder.codingPath.map(\.pathComponent)
    let name = try container.scalar(String.self, .method, default: nil, expected: "a method name", path: path)
    let entries = decoder.userInfo[.methodEntries] as? [MethodEntry] ?? []
    let isPlugin = name == ExternalMethod.name && !entries.contains { $0.name == name }
    if !isPlugin && !entries.contains(where: { $0.name == name }) {
      let names = entries.map(\.name) + [ExternalMethod.name]
      let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SuiteValueError(
        path: decoder.codingPath.map(\.pathComponent) + ["method"],
        message: "unknown method '\(name)'\(hint); known: \(names.joined(separator: ", "))")
    }
    if let entry = entries.first(where: { $0.name == name }) {
      for key in [CodingKeys.command, .options] where container.contains(key) {
        throw SuiteValueError(
          path: path + [key.stringValue],
          message: "'\(key.stringValue)' belongs to 'method: external' (a plugin); method '\(name)' has no \(key.stringValue)")
      }
      launch = nil
      self.entry = entry
    } else {
      let plugin = try Self.decodeLaunch(container, path: path)
      launch = plugin
      self.entry = ExternalMethod.entry(plugin)
    }
    if isPlugin && !container.contains(.label) {
      throw SuiteValueError(
        path: path + ["label"], message: "missing key 'label'; a plugin needs a label naming it in logs and reports (e.g. 'label: my-method')")
    }
    label = try container.scalar(String.self, .label, default: name, expected: "a label", path: path)
    guard !label.allSatisfy(\.isWhitespace) else {
      throw SuiteValueError(
        path: decoder.codingPath.map(\.pathComponent) + ["label"],
        message: "empty label; expected a non-empty name for the method in logs and reports (or no 'label:' to use '\(name)')")
    }
    if container.contains(.settings) {
      settings = try entry.settings(from: try container.superDecoder(forKey: .settings))
    } else {
      settings = entry.defaults
    }
  }

  /// The `command:` and `options:` of a plugin.
  private static func decodeLaunch(_ container: KeyedDecodingContainer<CodingKeys>, path: [String]) throws -> PluginLaunch {
    guard container.contains(.command) else {
      throw SuiteValueError(
        path: path + ["command"], message: "missing key 'command'; expected the plugin's program and arguments, e.g. [python3, plugins/my_method.py]")
    }
    let command = try container.scalar(
      [String].self, .command, default: nil, expected: "a list of strings: the program, then its arguments", path: path)
    guard let program = command.first, !program.allSatisfy(\.isWhitespace) else {
      throw SuiteValueError(path: path + ["command"], message: "an empty command; expected the program first, e.g. [python3, plugins/my_method.py]")
    }
    var options = JSONValue.null
    if container.contains(.options) {
      do {
        options = try container.decode(JSONValue.self, forKey: .options)
      } catch {
        throw SuiteValueError(path: path + ["options"], message: "options that JSON cannot hold (\(error)); expected plain YAML values")
      }
    }
    return PluginLaunch(command: command, options: options)
  }
}

/// The suite's `report:` block, decoded with unknown-key checks into `ReportSettings`.
private struct ReportSettingsBlock: Decodable {
  let settings: ReportSettings
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case checkpoints, band, logRegret, secondsGridPoints, bootstrapSamples, confidence, bootstrapSeed, trialView
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var settings = ReportSettings()
    let path = decoder.codingPath.map(\.pathComponent)
    settings.checkpoints = try container.integers(
      .checkpoints, default: settings.checkpoints, each: SuiteLimits.checkpoint, count: SuiteLimits.checkpointCount, path: path)
    settings.band = try container.choice(ReportSettings.Band.self, .band, default: settings.band, path: path)
    settings.logRegret = try container.scalar(Bool.self, .logRegret, default: settings.logRegret, expected: "true or false", path: path)
    settings.secondsGridPoints = try container.integer(
      .secondsGridPoints, default: settings.secondsGridPoints, in: SuiteLimits.secondsGridPoints, path: path)
    settings.bootstrapSamples = try container.integer(
      .bootstrapSamples, default: settings.bootstrapSamples, in: SuiteLimits.bootstrapSamples, path: path)
    settings.confidence = try container.number(.confidence, default: settings.confidence, in: SuiteLimits.confidence, path: path)
    settings.bootstrapSeed = try container.scalar(
      UInt64.self, .bootstrapSeed, default: settings.bootstrapSeed, expected: "an integer in 0...\(UInt64.max)", path: path)
    settings.trialView = try container.choice(ReportSettings.TrialView.self, .trialView, default: settings.trialView, path: path)
    self.settings = settings
  }
}
