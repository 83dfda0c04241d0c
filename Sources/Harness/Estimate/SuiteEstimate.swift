import Foundation
import Results
import SearchSpaces

/// How long a suite would take: measured trial times for each of its (task, method) pairs,
/// the pretraining it needs, and projections onto a machine or a cluster of shards.
///
/// Times come from finished runs (`from:` folders whose budget and method settings equal the
/// suite's) and, for the pairs no folder covers, from a few trials sampled now, one worker,
/// through the real runner. A projection assigns every cell of the suite the mean time of its
/// pair and runs the cells the way `SuiteRunner` does (in order, each worker taking the next
/// cell when it is free), after the pretraining stage; a cluster runs one shard per node.
public struct SuiteEstimate: Sendable {
  /// Seconds of one pretraining (one cache key), and where that figure comes from.
  public struct PretrainingCost: Sendable, Equatable {
    /// SHA-256 of the cache key.
    public let keyHash: String
    /// The pretraining family (the key's method), e.g. `arch2vec`.
    public let family: String
    /// Search-space name.
    public let space: String
    /// The suite's method labels the value serves.
    public let labels: [String]
    /// Wall seconds of the pretraining when it was computed; `nil` when only a cached copy was
    /// seen (a fresh machine pays an unknown time).
    public let seconds: Double?
    /// Where it was measured.
    public let source: String

    /// Creates the cost of one pretraining.
    public init(keyHash: String, family: String, space: String, labels: [String], seconds: Double?, source: String) {
      self.keyHash = keyHash
      self.family = family
      self.space = space
      self.labels = labels
      self.seconds = seconds
      self.source = source
    }
  }

  /// The suite estimated.
  public let suite: Suite
  /// Times of each (task, method) pair that has any, in suite order.
  public let times: [TrialTimes]
  /// Why a source's times were not used, one line each.
  public let rejected: [String]
  /// The pretraining jobs the suite needs, one per (method, space).
  public let pretraining: [PretrainingCost]
  /// Search-space name of each task.
  public let spaceOfTask: [String: String]

  /// Creates an estimate from its parts (`measure` builds one from runs and samples).
  public init(suite: Suite, times: [TrialTimes], rejected: [String], pretraining: [PretrainingCost], spaceOfTask: [String: String]) {
    self.suite = suite
    self.times = times
    self.rejected = rejected
    self.pretraining = pretraining
    self.spaceOfTask = spaceOfTask
  }

  /// Times the suite: reads `folders`, then samples `sampleTrials` trials of every pair still
  /// without times (none when `sampleTrials` is 0).
  ///
  /// - Throws: `EstimateError` for a folder that is not a run; the runner's errors for the sample.
  public static func measure(
    _ suite: Suite, from folders: [RunFolder], sampleTrials: Int, loader: SuiteLoader, source: any TaskSource, options: RunOptions
  ) async throws -> SuiteEstimate {
    let taskSource = suite.taskSource(over: source)
    var spaceOfTask: [String: String] = [:]
    var spaces: [String: any SearchSpace] = [:]
    for name in suite.tasks {
      let space = try taskSource.task(named: name).domain.space
      spaceOfTask[name] = space.name
      spaces[space.name] = space
    }
    let needed = try neededPretraining(suite, spaceOfTask: spaceOfTask, spaces: spaces)
    let values = try suite.resolvedValues()
    var times: [String: TrialTimes] = [:]
    var rejected: [String] = []
    var measured: [String: (seconds: Double?, source: String)] = [:]
    for folder in folders {
      let found = try readTimes(folder, suite: suite, suiteValues: values, loader: loader)
      rejected += found.rejected
      for entry in found.times where times[pairKey(entry.task, entry.method)] == nil { times[pairKey(entry.task, entry.method)] = entry }
      for (hash, seconds) in found.pretraining where measured[hash] == nil { measured[hash] = (seconds, folder.path) }
    }
    let uncovered = suite.tasks.flatMap { task in suite.methodLabels.filter { times[pairKey(task, $0)] == nil }.map { (task, $0) } }
    if sampleTrials > 0, !uncovered.isEmpty {
      var sample = suite
      sample.trials = sampleTrials
      sample.workers = 1
      sample.tasks = suite.tasks.filter { task in uncovered.contains { $0.0 == task } }
      sample.methods = suite.methods.filter { spec in uncovered.contains { $0.1 == spec.label } }
      let folder = RunFolder(path: NSTemporaryDirectory() + "nasarena-estimate-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(atPath: folder.path) }
      var sampleOptions = options
      sampleOptions.workers = 1
      sampleOptions.shard = nil
      let summary = try await SuiteRunner.start(sample, source: source, folder: folder, options: sampleOptions)
      let records = try folder.readRecords()
      let manifest = records.manifest
      let stageSeconds = (manifest.pretraining ?? []).reduce(0) { $0 + $1.pretrainingSeconds + $1.loadSeconds }
      let methodSeconds = records.trials.reduce(0) { $0 + $1.methodSeconds }
      let overhead = max(0, summary.seconds - stageSeconds - methodSeconds) / Double(max(1, records.trials.count))
      let sampled = TrialTimes.grouped(records.trials, source: "sampled now", backend: manifest.numericBackend, overheadPerTrial: overhead)
      for entry in sampled where uncovered.contains(where: { $0 == (entry.task, entry.method) }) {
        times[pairKey(entry.task, entry.method)] = entry
      }
      for record in manifest.pretraining ?? [] where measured[record.keyHash]?.seconds == nil {
        measured[record.keyHash] =
          record.origin == .computed
          ? (record.pretrainingSeconds, "computed now")
          : (nil, "read from the cache (\(record.origin.rawValue)); a fresh pretraining's time is unknown")
      }
    }
    let ordered = suite.tasks.flatMap { task in suite.methodLabels.compactMap { times[pairKey(task, $0)] } }
    let costs = needed.map { job in
      let found = measured[job.keyHash]
      return PretrainingCost(
        keyHash: job.keyHash, family: job.family, space: job.space, labels: job.labels, seconds: found?.seconds,
        source: found?.source ?? "not measured (no sample, and no run folder computed it)")
    }
    return SuiteEstimate(suite: suite, times: ordered, rejected: rejected, pretraining: costs, spaceOfTask: spaceOfTask)
  }

  /// The pretraining jobs of the suite, one per cache key, in suite order: methods of one family
  /// with equal settings share a key, as in a run.
  static func neededPretraining(
    _ suite: Suite, spaceOfTask: [String: String], spaces: [String: any SearchSpace]
  ) throws -> [(keyHash: String, family: String, space: String, labels: [String])] {
    let cache = PretrainingCache(directory: nil)
    var jobs: [(keyHash: String, family: String, space: String, labels: [String])] = []
    for spec in suite.methods {
      guard let ability = spec.entry.pretraining else { continue }
      for task in suite.tasks {
        guard let name = spaceOfTask[task], let space = spaces[name] else { continue }
        let key = try cache.key(for: spec, ability: ability, space: space, suiteSeed: suite.seed)
        if let index = jobs.firstIndex(where: { $0.keyHash == key.hash }) {
          if !jobs[index].labels.contains(spec.label) { jobs[index].labels.append(spec.label) }
        } else {
          jobs.append((key.hash, ability.family, name, [spec.label]))
        }
      }
    }
    return jobs
  }

  static func pairKey(_ first: String, _ second: String) -> String { first + "\u{0}" + second }

  /// The trial times, rejections and computed pretraining of one run folder, for the pairs of
  /// `suite` whose budget and method settings the run shares.
  static func readTimes(
    _ folder: RunFolder, suite: Suite, suiteValues: [String: String], loader: SuiteLoader
  ) throws -> (times: [TrialTimes], rejected: [String], pretraining: [String: Double]) {
    guard FileManager.default.fileExists(atPath: folder.manifestFile) else {
      throw EstimateError.notARun(path: folder.path, missing: "manifest.json")
    }
    let manifest = try folder.readManifest()
    // Manifests written before they recorded the budget and the resolved values: the folder's
    // suite.yaml, read with today's defaults, stands in.
    var written: Suite?
    if manifest.budget == nil || manifest.suiteValues == nil, FileManager.default.fileExists(atPath: folder.suiteFile) {
      do {
        written = try loader.load(path: folder.suiteFile)
      } catch {
        return ([], ["\(folder.path): its manifest predates recorded settings and its suite.yaml does not load now (\(error)); not used"], [:])
      }
    }
    guard let budget = manifest.budget ?? written?.budget.limit else {
      return ([], ["\(folder.path): neither its manifest nor a suite.yaml records the budget; not used"], [:])
    }
    guard budget == suite.budget.limit else {
      return ([], ["\(folder.path): budget \(budget), the suite's is \(suite.budget.limit); not used"], [:])
    }
    let records: [TrialRecord]
    if FileManager.default.fileExists(atPath: folder.logFile) {
      records = try folder.readRecords().trials
    } else {
      let csv = (folder.path as NSString).appendingPathComponent("trials.csv")
      guard FileManager.default.fileExists(atPath: csv) else {
        throw EstimateError.notARun(path: folder.path, missing: "queries.jsonl or trials.csv")
      }
      records = try TrialsCSVReader.read(path: csv)
    }
    guard let recorded = try manifest.suiteValues ?? written?.resolvedValues() else {
      return ([], ["\(folder.path): neither its manifest nor a suite.yaml records the method settings; not used"], [:])
    }
    var rejected: [String] = []
    var usable: Set<String> = []
    for label in suite.methodLabels {
      guard let theirs = methodValues(label: label, in: recorded) else { continue }
      let ours = methodValues(label: label, in: suiteValues) ?? [:]
      if let differing = Set(theirs.keys).union(ours.keys).sorted().first(where: { theirs[$0] != ours[$0] }) {
        rejected.append(
          "\(folder.path): \(label) has \(differing) = \(theirs[differing] ?? "(unset)") there, \(ours[differing] ?? "(unset)") in the suite; not used"
        )
      } else {
        usable.insert(label)
      }
    }
    let commit = manifest.gitCommit.map { " (commit \($0.prefix(7)))" } ?? ""
    let times = TrialTimes.grouped(records, source: folder.path + commit, backend: manifest.numericBackend).filter {
      usable.contains($0.method) && suite.tasks.contains($0.task)
    }
    var pretraining: [String: Double] = [:]
    for record in manifest.pretraining ?? [] where record.origin == .computed { pretraining[record.keyHash] = record.pretrainingSeconds }
    return (times, rejected, pretraining)
  }

  /// The resolved values of the method labelled `label` (`method`, `settings.*`), keyed
  /// without their `methods[i].` prefix; `nil` when no method has that label.
  static func methodValues(label: String, in values: [String: String]) -> [String: String]? {
    guard let labelKey = values.first(where: { $0.key.hasPrefix("methods[") && $0.key.hasSuffix("].label") && $0.value == label })?.key
    else { return nil }
    let prefix = String(labelKey.dropLast("label".count))
    var result: [String: String] = [:]
    for (key, value) in values where key.hasPrefix(prefix) && !key.hasSuffix("].label") { result[String(key.dropFirst(prefix.count))] = value }
    return result
  }
}
