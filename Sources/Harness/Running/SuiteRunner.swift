import Benchmarks
import Foundation
import Results
import SearchMethods
import Tensor

/// Runs a suite's trials in parallel into a run folder, and resumes interrupted runs.
///
/// Trials are independent cells (task, method, trial index); they run on `workers` concurrent
/// tasks, each trial single-threaded, and every trial's lines depend only on the suite, task,
/// trial index and code, so the log is the same at any parallelism (up to line order between
/// trials; analysis sorts). A folder's log is append-only and fsync'd per batch.
public enum SuiteRunner {
  /// Starts a new run of `suite` in `folder`, taking the folder's write lock (and creating
  /// the folder) first.
  ///
  /// - Throws: `ResultStoreError.locked` when another process writes the folder; as
  ///   `start(_:source:lock:options:)`.
  public static func start(_ suite: Suite, source: any TaskSource, folder: RunFolder, options: RunOptions) async throws -> RunSummary {
    let lock = try RunFolderLock.acquire(folder, command: "nasarena run", creating: true)
    return try await start(suite, source: source, lock: lock, options: options)
  }

  /// Starts a new run of `suite` in the locked folder.
  ///
  /// - Throws: `RunError` when the folder already holds a log or a budget cannot apply;
  ///   data and I/O errors as they come.
  public static func start(_ suite: Suite, source: any TaskSource, lock: RunFolderLock, options: RunOptions) async throws -> RunSummary {
    let folder = lock.folder
    let source = suite.taskSource(over: source)
    var status = stat()
    if stat(folder.logFile, &status) == 0, status.st_size > 0 { throw RunError.folderNotEmpty(path: folder.path) }
    let tasks = try loadTasks(suite, source: source)
    try folder.writeText(try suite.resolvedYAML(), to: folder.suiteFile)
    try folder.writeJSON(suite.tasks.compactMap { tasks[$0]?.record }, to: folder.tasksFile)
    var manifest = RunManifest(
      harnessVersion: NASArenaVersion.current, gitCommit: MachineInfo.gitCommit(), swiftVersion: MachineInfo.swiftVersion,
      suiteName: suite.name, tasks: suite.tasks, methods: suite.methodLabels, suiteHash: try suite.resolvedHash(),
      dataChecksums: try source.dataChecksums(for: suite.tasks), numericBackend: options.numericBackend,
      machine: MachineInfo.description, workers: workerCount(suite, options), shard: options.shard?.description,
      started: MachineInfo.timestamp(), ended: nil, report: suite.report, budget: suite.budget.limit,
      suiteValues: try suite.resolvedValues())
    manifest.reconstructions = suite.reconstructions
    manifest.tailCores = options.tailCores
    try folder.writeJSON(manifest, to: folder.manifestFile)
    let todo = todoCells(suite, logged: [:], options: options)
    let stage = try await PretrainingStage.prepare(suite, cells: todo, tasks: tasks, options: options, workers: workerCount(suite, options))
    if !stage.records.isEmpty {
      manifest.pretraining = stage.records
      try folder.writeJSON(manifest, to: folder.manifestFile)
    }
    let summary = try await runCells(suite, todo: todo, tasks: tasks, stage: stage, folder: folder, logged: [:], options: options)
    manifest.ended = MachineInfo.timestamp()
    manifest.productsOnSpareCores = summary.productsOnSpareCores
    try folder.writeJSON(manifest, to: folder.manifestFile)
    return summary
  }

  /// Takes the write lock of a run folder to resume it.
  ///
  /// - Throws: `RunError.noSuchFolder` when the folder does not exist;
  ///   `ResultStoreError.locked` when another process writes it.
  public static func lockForResume(_ folder: RunFolder) throws -> RunFolderLock {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw RunError.noSuchFolder(path: folder.path)
    }
    return try RunFolderLock.acquire(folder, command: "nasarena run --resume", creating: false)
  }

  /// Resumes the run in `folder`, taking its write lock first.
  ///
  /// - Throws: as `lockForResume(_:)` and `resume(lock:loader:source:options:)`.
  public static func resume(folder: RunFolder, loader: SuiteLoader, source: any TaskSource, options: RunOptions) async throws -> RunSummary {
    try await resume(lock: try lockForResume(folder), loader: loader, source: source, options: options)
  }

  /// Resumes the run in the locked folder: repairs a torn last line, verifies the log, replays
  /// unfinished trials and runs the missing ones, so the log ends as an uninterrupted run
  /// writes it.
  ///
  /// - Throws: `RunError.editedSuite` when `suite.yaml` is not the suite the run started with;
  ///   `RunError.dataChanged` when the data files differ from the recorded ones;
  ///   `RunError.foreignTrial` and the errors of `RunLog.read` for a log that is corrupt or
  ///   does not belong to the suite.
  public static func resume(lock: RunFolderLock, loader: SuiteLoader, source: any TaskSource, options: RunOptions) async throws -> RunSummary {
    let folder = lock.folder
    guard FileManager.default.fileExists(atPath: folder.suiteFile) else { throw RunError.notARun(path: folder.path, missing: "suite.yaml") }
    let suite = try loader.load(path: folder.suiteFile)
    let source = suite.taskSource(over: source)
    var manifest = try folder.readManifest()
    try checkUnedited(suite, file: folder.suiteFile, manifest: manifest)
    let checksums = try source.dataChecksums(for: suite.tasks)
    for (file, recorded) in manifest.dataChecksums where checksums[file] != recorded {
      throw RunError.dataChanged(file: file, recorded: recorded, now: checksums[file] ?? "missing")
    }
    var options = options
    if options.shard == nil, let shard = manifest.shard { options.shard = try Shard(parsing: shard) }
    try RunLog.repairTail(path: folder.logFile)
    let entries = try RunLog.read(path: folder.logFile, budget: suite.budget.limit)
    let logged = Dictionary(grouping: entries, by: \.cell)
    let known = Set(cells(of: suite))
    if let foreign = logged.keys.sorted().first(where: { !known.contains($0) }) {
      throw RunError.foreignTrial(file: folder.logFile, cell: foreign.description)
    }
    let tasks = try loadTasks(suite, source: source)
    let todo = todoCells(suite, logged: logged, options: options)
    let stage = try await PretrainingStage.prepare(suite, cells: todo, tasks: tasks, options: options, workers: workerCount(suite, options))
    if !stage.records.isEmpty {
      manifest.pretraining = (manifest.pretraining ?? []) + stage.records
      try folder.writeJSON(manifest, to: folder.manifestFile)
    }
    manifest.tailCores = options.tailCores || manifest.tailCores == true
    let summary = try await runCells(suite, todo: todo, tasks: tasks, stage: stage, folder: folder, logged: logged, options: options)
    manifest.ended = MachineInfo.timestamp()
    manifest.productsOnSpareCores = (manifest.productsOnSpareCores ?? 0) + summary.productsOnSpareCores
    try folder.writeJSON(manifest, to: folder.manifestFile)
    return summary
  }

  /// Refuses a `suite.yaml` whose hash differs from the one the run started with, naming
  /// the values that changed when the manifest recorded them.
  private static func checkUnedited(_ suite: Suite, file: String, manifest: RunManifest) throws {
    let hash = try suite.resolvedHash()
    guard hash != manifest.suiteHash else { return }
    guard let recorded = manifest.suiteValues else {
      throw RunError.editedSuite(file: file, differences: ["its hash is \(hash), the run started with \(manifest.suiteHash)"])
    }
    let now = try suite.resolvedValues()
    var differences: [String] = []
    for key in Set(recorded.keys).union(now.keys).sorted() where recorded[key] != now[key] {
      differences.append("\(key): \(recorded[key].map { "'\($0)'" } ?? "absent") when the run started, \(now[key].map { "'\($0)'" } ?? "absent") now")
    }
    if differences.isEmpty { differences = ["its hash is \(hash), the run started with \(manifest.suiteHash)"] }
    throw RunError.editedSuite(file: file, differences: differences)
  }

  /// Every (task, method, trial) cell of a suite, in canonical order.
  public static func cells(of suite: Suite) -> [TrialCell] {
    suite.tasks.flatMap { task in
      suite.methods.flatMap { spec in (0..<suite.trials).map { TrialCell(task: task, method: spec.label, trial: $0) } }
    }
  }

  // MARK: - Running

  private static func loadTasks(_ suite: Suite, source: any TaskSource) throws -> [String: BenchmarkTask] {
    var tasks: [String: BenchmarkTask] = [:]
    for name in suite.tasks {
      let task = try source.task(named: name)
      if case .seconds = suite.budget, task.cost == nil { throw RunError.noCostColumn(task: name) }
      tasks[name] = task
    }
    return tasks
  }

  private static func workerCount(_ suite: Suite, _ options: RunOptions) -> Int {
    let requested = options.workers ?? suite.workers
    return requested > 0 ? requested : ProcessInfo.processInfo.activeProcessorCount
  }

  /// The cells of this shard that have no `trial` line yet.
  private static func todoCells(_ suite: Suite, logged: [TrialCell: [LogEntry]], options: RunOptions) -> [TrialCell] {
    let finished = Set(logged.compactMap { cell, lines in lines.contains { if case .trial = $0 { true } else { false } } ? cell : nil })
    let todo = shardCells(suite, options).filter { !finished.contains($0) }
    guard options.trialsFirst else { return todo }
    // Stable: within a trial index the canonical order stays.
    return todo.enumerated().sorted { ($0.element.trial, $0.offset) < ($1.element.trial, $1.offset) }.map(\.element)
  }

  private static func shardCells(_ suite: Suite, _ options: RunOptions) -> [TrialCell] {
    cells(of: suite).enumerated().filter { options.shard?.contains(position: $0.offset) ?? true }.map(\.element)
  }

  private static func runCells(
    _ suite: Suite, todo: [TrialCell], tasks: [String: BenchmarkTask], stage: PretrainingStage, folder: RunFolder,
    logged: [TrialCell: [LogEntry]], options: RunOptions
  ) async throws -> RunSummary {
    let all = shardCells(suite, options)
    let specs = Dictionary(uniqueKeysWithValues: suite.methods.map { ($0.label, $0) })
    let writer = try RunLogWriter(path: folder.logFile)
    let workers = workerCount(suite, options)
    let clock = ContinuousClock()
    let start = clock.now
    var failures: [String] = []
    var queries = 0
    var done = 0

    var remaining = Dictionary(grouping: todo, by: \.method).mapValues(\.count)
    var trialSeconds: [String: (total: Double, count: Int)] = [:]
    // At the tail (no trial left to start) the idle workers' cores go to the products of the
    // trials still running: at most one core per idle worker, and no more than the machine has.
    let spareCores = options.tailCores ? SpareCores() : nil
    let backend = spareCores.map { SplittingBackend(Backends.current, spareCores: $0) } ?? Backends.current
    let cores = min(workers, ProcessInfo.processInfo.activeProcessorCount)
    let lending = spareCores.map { TailCoreLending(spareCores: $0, total: todo.count, cores: cores) }
    try await withThrowingTaskGroup(of: (TrialRecord, Double).self) { group in
      var next = 0
      func launch() {
        guard next < todo.count else { return }
        let cell = todo[next]
        next += 1
        guard let task = tasks[cell.task], let spec = specs[cell.method] else {
          lending?.launch()
          lending?.finish()
          return
        }
        let lines = logged[cell] ?? []
        lending?.launch()
        group.addTask {
          defer { lending?.finish() }
          var sink = TrialLogSink(writer: writer, cell: cell, logged: lines)
          let pretrained = Result { try stage.value(label: spec.label, task: task.name) }
          let started = ContinuousClock.now
          let record = try await Backends.$current.withValue(backend) {
            try await TrialRunner(
              suite: suite, task: task, spec: spec, trial: cell.trial, pretrained: pretrained, folder: folder.path
            ).run(into: &sink)
          }
          return (record, (ContinuousClock.now - started).seconds)
        }
      }
      for _ in 0..<min(workers, todo.count) { launch() }
      while let (record, seconds) = try await group.next() {
        done += 1
        queries += record.queries
        remaining[record.method, default: 1] -= 1
        trialSeconds[record.method, default: (0, 0)].total += seconds
        trialSeconds[record.method, default: (0, 0)].count += 1
        if record.status == .failed { failures.append("\(record.cell): \(record.message ?? "failed")") }
        let methods = suite.methodLabels.compactMap { label -> RunProgress.MethodProgress? in
          guard let left = remaining[label] else { return nil }
          let timing = trialSeconds[label]
          return RunProgress.MethodProgress(
            method: label, finished: timing?.count ?? 0, remaining: left,
            secondsPerTrial: timing.map { $0.total / Double($0.count) })
        }
        options.progress?(
          RunProgress(
            finished: done, total: todo.count, queries: queries, elapsedSeconds: (clock.now - start).seconds, failed: failures.count,
            methods: methods, workers: workers))
        launch()
      }
    }
    try await writer.finish()
    var summary = RunSummary(
      folder: folder.path, trialsRun: todo.count, trialsSkipped: all.count - todo.count, failures: failures,
      queries: queries, seconds: (clock.now - start).seconds)
    summary.productsOnSpareCores = spareCores?.sharedProducts ?? 0
    return summary
  }
}
