/// Several finished runs read as one, so their methods can be compared trial by trial: a
/// method run later, or in another suite or on another machine, against reference runs made
/// with the same seeds.
///
/// Pairing is only honest when trial i of a task is the same trial in every run: same task
/// definition and data, same trial seed, same budget. `combine` checks all three and refuses
/// otherwise, naming the runs and what differs. Tasks that are not in every run are left out
/// (and listed). A method label found in several runs is kept once when its queries agree on
/// every trial the runs share (random search with the same seeds does), its trials joined;
/// else each later copy is renamed `label@run`.
public enum RunComparison {
  /// One run to combine: a name for messages and renamed labels, and its records.
  public struct Source: Sendable {
    /// Usually the run folder's name.
    public let name: String
    /// The run's verified records.
    public let records: RunRecords

    /// A source.
    public init(name: String, records: RunRecords) {
      self.name = name
      self.records = records
    }
  }

  /// The combined records, and what was left out or renamed.
  public struct Outcome: Sendable {
    /// The records of every method on the shared tasks.
    public let records: RunRecords
    /// One line per task left out or label renamed.
    public let notes: [String]
  }

  /// A comparison that cannot be made, with the reason.
  public struct Mismatch: Error, CustomStringConvertible, Equatable {
    /// What differs.
    public let reason: String
    /// The reason.
    public var description: String { "cannot compare: \(reason)" }
  }

  /// Combines `sources` (at least two) into one set of records on their shared tasks.
  ///
  /// With `cut`, every run is first read as a run of `cut` queries a trial
  /// (`RunRecords.cut(atQueries:)`), so runs with query budgets of `cut` or more compare at
  /// `cut`; a method in two runs must then agree on its first `cut` queries to be kept once,
  /// which checks that its proposals did not depend on the budget left.
  ///
  /// - Throws: `Mismatch` when budgets, a shared task's definition or data, or a shared
  ///   trial's seed differ, or no task is shared; with `cut`, when a run's budget is in
  ///   simulated seconds or has fewer than `cut` queries a trial.
  public static func combine(_ sources: [Source], cutAtQueries cut: Int? = nil) throws -> Outcome {
    guard sources.count >= 2 else { throw Mismatch(reason: "give at least two run folders") }
    var notes: [String] = []
    var sources = sources
    if let cut {
      sources = try sources.map { source in
        let queries = try queryBudget(of: source, cut: cut)
        if queries > cut { notes.append("\(source.name): trials of \(queries) queries cut at \(cut)") }
        return Source(name: source.name, records: source.records.cut(atQueries: cut))
      }
      if notes.isEmpty == false { notes.append(RunRecords.cutNote) }
    }
    let first = sources[0]
    let budgets = sources.compactMap { source in source.records.manifest.budget.map { (source.name, $0) } }
    if let (owner, budget) = budgets.first {
      for (name, other) in budgets where other != budget {
        throw Mismatch(reason: "\(name) has the budget \(other) but \(owner) has \(budget)")
      }
      // Older manifests did not record the budget: their completed trials must have used it.
      for source in sources where source.records.manifest.budget == nil {
        let counts = completedQueryCounts(of: source)
        if let queries = budget.queries, counts != [queries] {
          throw Mismatch(
            reason: "\(source.name) records no budget and its completed trials have \(counts.sorted()) queries, not \(queries) as \(owner)")
        }
        notes.append("\(source.name) records no budget; its completed trials match \(owner)'s \(budget)")
      }
    }
    let shared = first.records.tasks.filter { task in sources.allSatisfy { $0.records.tasks.contains { $0.name == task.name } } }
    guard !shared.isEmpty else { throw Mismatch(reason: "the runs share no task") }
    let sharedNames = Set(shared.map(\.name))
    for source in sources {
      for task in source.records.tasks where !sharedNames.contains(task.name) {
        notes.append("task \(task.name) of \(source.name) is left out: not in every run")
      }
    }
    for task in shared {
      for source in sources.dropFirst() {
        guard let other = source.records.tasks.first(where: { $0.name == task.name }) else { continue }
        guard sameDefinition(other, task) else {
          throw Mismatch(reason: "task \(task.name) is defined differently in \(source.name) and \(first.name) (tasks.json differs)")
        }
      }
    }
    for source in sources.dropFirst() {
      for (file, checksum) in source.records.manifest.dataChecksums {
        if let reference = first.records.manifest.dataChecksums[file], reference != checksum {
          throw Mismatch(reason: "\(source.name) was run on another \(file) than \(first.name) (checksums differ)")
        }
      }
    }
    // Trial seeds: one per (task, trial), the same in every run.
    var seeds: [String: (UInt64, String)] = [:]
    for source in sources {
      for trial in source.records.trials where sharedNames.contains(trial.task) {
        let key = "\(trial.task)#\(trial.trial)"
        if let (seed, owner) = seeds[key], seed != trial.seed {
          throw Mismatch(
            reason:
              "trial \(trial.trial) of \(trial.task) has seed \(trial.seed) in \(source.name) but \(seed) in \(owner): the runs were made with other suite seeds"
          )
        }
        seeds[key] = seeds[key] ?? (trial.seed, source.name)
      }
    }
    var methods: [String] = []
    var queries: [QueryRecord] = []
    var recommendations: [RecommendationRecord] = []
    var trials: [TrialRecord] = []
    var generations: [GenerationRecord] = []
    // Per kept label, its deterministic queries by (task, trial).
    var kept: [String: [String: [QueryRecord]]] = [:]
    var reconstructions: [String: String] = [:]
    for source in sources {
      let records = source.records
      for label in records.methods {
        let own = Dictionary(
          grouping: records.queries.filter { $0.method == label && sharedNames.contains($0.task) }.map(\.deterministic),
          by: { "\($0.task)#\($0.trial)" })
        var name = label
        // Trials of a label seen before: dropped when they agree with the kept ones, new
        // trials joined to them; any disagreement keeps this run's copy apart.
        var onlyTrials: Set<String>?
        if let previous = kept[label] {
          if own.allSatisfy({ key, lines in previous[key].map { $0 == lines } ?? true }) {
            onlyTrials = Set(own.keys).subtracting(previous.keys)
            kept[label, default: [:]].merge(own) { old, _ in old }
          } else {
            name = "\(label)@\(source.name)"
            notes.append("\(label) of \(source.name) differs from the one before it on a shared trial and is named \(name)")
          }
        }
        if onlyTrials == nil {
          kept[name] = own
          methods.append(name)
        }
        if let note = records.manifest.reconstructions?[label] { reconstructions[name] = note }
        func relabel<R>(_ items: some Sequence<R>, method: (R) -> String, task: (R) -> String, trial: (R) -> Int, rename: (inout R) -> Void) -> [R] {
          items.filter { item in
            method(item) == label && sharedNames.contains(task(item)) && (onlyTrials?.contains("\(task(item))#\(trial(item))") ?? true)
          }.map { item in
            var copy = item
            rename(&copy)
            return copy
          }
        }
        queries += relabel(records.queries, method: \.method, task: \.task, trial: \.trial) { $0.method = name }
        recommendations += relabel(records.recommendations, method: \.method, task: \.task, trial: \.trial) { $0.method = name }
        trials += relabel(records.trials, method: \.method, task: \.task, trial: \.trial) { $0.method = name }
        generations += relabel(records.generations, method: \.method, task: \.task, trial: \.trial) { $0.method = name }
      }
    }
    var manifest = first.records.manifest
    manifest.suiteName = sources.map { $0.records.manifest.suiteName }.joined(separator: " + ")
    manifest.tasks = shared.map(\.name)
    manifest.methods = methods
    manifest.suiteHash = sources.map { $0.records.manifest.suiteHash }.joined(separator: "+")
    manifest.shard = nil
    let commits = sources.map { $0.records.manifest.gitCommit ?? "unknown" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    manifest.gitCommit = commits.joined(separator: " + ")
    manifest.workers = sources.map { $0.records.manifest.workers }.reduce(0, +)
    manifest.pretraining = nil
    manifest.reconstructions = reconstructions.isEmpty ? nil : reconstructions
    manifest.started = sources.map { $0.records.manifest.started }.min() ?? manifest.started
    manifest.ended = sources.compactMap { $0.records.manifest.ended }.max()
    let richest = shared.map { task in
      sources.compactMap { $0.records.tasks.first { $0.name == task.name && $0.signature != nil } }.first ?? task
    }
    let records = RunRecords(
      manifest: manifest, tasks: richest, methods: methods, queries: queries, recommendations: recommendations, trials: trials,
      generations: generations)
    return Outcome(records: records, notes: notes)
  }

  /// The query counts of `source`'s completed trials: what a run whose manifest predates
  /// recorded budgets tells of its budget.
  static func completedQueryCounts(of source: Source) -> Set<Int> {
    Set(source.records.trials.filter { $0.status == .completed }.map(\.queries))
  }

  /// The queries a trial of `source` had (its budget, or what its completed trials show when
  /// its manifest predates recorded budgets), checked to allow a cut at `cut`.
  static func queryBudget(of source: Source, cut: Int) throws -> Int {
    guard cut >= 1 else { throw Mismatch(reason: "a cut needs at least one query, got \(cut)") }
    let queries: Int
    if let budget = source.records.manifest.budget {
      guard let limit = budget.queries else {
        throw Mismatch(reason: "\(source.name) has a budget of \(budget); only query budgets can be cut at a query count")
      }
      queries = limit
    } else {
      let counts = completedQueryCounts(of: source)
      guard counts.count == 1, let only = counts.first else {
        throw Mismatch(reason: "\(source.name) records no budget and its completed trials have \(counts.sorted()) queries")
      }
      queries = only
    }
    guard queries >= cut else {
      throw Mismatch(reason: "\(source.name) has \(queries) queries a trial, fewer than the cut at \(cut)")
    }
    return queries
  }

  /// Whether two task records describe the same task on the same data: the fields every
  /// version of the harness writes (later versions add derived fields, such as the token
  /// signature, that older runs lack).
  static func sameDefinition(_ a: TaskRecord, _ b: TaskRecord) -> Bool {
    (a.name, a.benchmark, a.dataset, a.signalColumn, a.reportColumn, a.costColumn) == (
      b.name, b.benchmark, b.dataset, b.signalColumn, b.reportColumn, b.costColumn
    )
      && (a.domainSize, a.poolSize, a.optimumSignal, a.optimumReport, a.topPercentReport) == (
        b.domainSize, b.poolSize, b.optimumSignal, b.optimumReport, b.topPercentReport
      )
  }
}
