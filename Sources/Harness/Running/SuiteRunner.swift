import Benchmarks
import Foundation
import Results
import SearchMethods

/// Runs a suite's trials in parallel into a run folder, and resumes interrupted runs.
///
/// Trials are independent cells (task, method, trial index); they run on `workers` concurrent
/// tasks, each trial single-threaded, and every trial's lines depend only on the suite, task,
/// trial index and code, so the log is the same at any parallelism (up to line order between
/// trials; analysis sorts). A folder's log is append-only and fsync'd per batch.
public enum SuiteRunner {
  /// Starts a new run of `suite` in `folder`.
  ///
  /// - Throws: `RunError` when the folder already holds a log or a budget cannot apply;
  ///   data and I/O errors as they come.
  public static func start(_ suite: Suite, source: any TaskSource, folder: RunFolder, options: RunOptions) async throws -> RunSummary {
    let source = suite.taskSource(over: source)
    if let attributes = try? FileManager.default.attributesOfItem(atPath: folder.logFile),
      (attributes[.size] as? NSNumber)?.intValue ?? 0 > 0
    {
      throw RunError.folderNotEmpty(path: folder.path)
    }
    let tasks = try loadTasks(suite, source: source)
    try folder.create()
    try folder.writeText(try suite.resolvedYAML(), to: folder.suiteFile)
    try folder.writeJSON(suite.tasks.compactMap { tasks[$0]?.record }, to: folder.tasksFile)
    var manifest = RunManifest(
      harnessVersion: NASArenaVersion.current, gitCommit: MachineInfo.gitCommit(), swiftVersion: MachineInfo.swiftVersion,
      suiteName: suite.name, tasks: suite.tasks, methods: suite.methodLabels, suiteHash: try suite.resolvedHash(),
      dataChecksums: try source.dataChecksums(for: suite.tasks), numericBackend: options.numericBackend,
      machine: MachineInfo.description, workers: workerCount(suite, options), shard: options.shard?.description,
      started: MachineInfo.timestamp(), ended: nil, report: suite.report)
    try folder.writeJSON(manifest, to: folder.manifestFile)
    let todo = todoCells(suite, logged: [:], options: options)
    let stage = try await PretrainingStage.prepare(suite, cells: todo, tasks: tasks, options: options, workers: workerCount(suite, options))
    if !stage.records.isEmpty {
      manifest.pretraining = stage.records
      try folder.writeJSON(manifest, to: folder.manifestFile)
    }
    let summary = try await runCells(suite, todo: todo, tasks: tasks, stage: stage, folder: folder, logged: [:], options: options)
    manifest.ended = MachineInfo.timestamp()
    try folder.writeJSON(manifest, to: folder.manifestFile)
    return summary
  }

  /// Resumes the run in `folder`: repairs a torn last line, replays unfinished trials and runs
  /// the missing ones, so the log ends as an uninterrupted run writes it.
  ///
  /// - Throws: `RunError.dataChanged` when the data files differ from the recorded ones.
  public static func resume(folder: RunFolder, loader: SuiteLoader, source: any TaskSource, options: RunOptions) async throws -> RunSummary {
    guard FileManager.default.fileExists(atPath: folder.suiteFile) else { throw RunError.notARun(path: folder.path, missing: "suite.yaml") }
    let suite = try loader.load(path: folder.suiteFile)
    let source = suite.taskSource(over: source)
    var manifest = try folder.readManifest()
    let checksums = try source.dataChecksums(for: suite.tasks)
    for (file, recorded) in manifest.dataChecksums where checksums[file] != recorded {
      throw RunError.dataChanged(file: file, recorded: recorded, now: checksums[file] ?? "missing")
    }
    var options = options
    if options.shard == nil, let shard = manifest.shard { options.shard = try Shard(parsing: shard) }
    try RunLog.repairTail(path: folder.logFile)
    let logged = Dictionary(grouping: try RunLog.read(path: folder.logFile), by: \.cell)
    let tasks = try loadTasks(suite, source: source)
    let todo = todoCells(suite, logged: logged, options: options)
    let stage = try await PretrainingStage.prepare(suite, cells: todo, tasks: tasks, options: options, workers: workerCount(suite, options))
    if !stage.records.isEmpty {
      manifest.pretraining = (manifest.pretraining ?? []) + stage.records
      try folder.writeJSON(manifest, to: folder.manifestFile)
    }
    let summary = try await runCells(suite, todo: todo, tasks: tasks, stage: stage, folder: folder, logged: logged, options: options)
    manifest.ended = MachineInfo.timestamp()
    try folder.writeJSON(manifest, to: folder.manifestFile)
    return summary
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
    return shardCells(suite, options).filter { !finished.contains($0) }
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

    try await withThrowingTaskGroup(of: TrialRecord.self) { group in
      var next = 0
      func launch() {
        guard next < todo.count else { return }
        let cell = todo[next]
        next += 1
        guard let task = tasks[cell.task], let spec = specs[cell.method] else { return }
        let lines = logged[cell] ?? []
        group.addTask {
          var sink = TrialLogSink(writer: writer, cell: cell, logged: lines)
          let pretrained = Result { try stage.value(label: spec.label, task: task.name) }
          return try await TrialRunner(suite: suite, task: task, spec: spec, trial: cell.trial, pretrained: pretrained).run(into: &sink)
        }
      }
      for _ in 0..<min(workers, todo.count) { launch() }
      while let record = try await group.next() {
        done += 1
        queries += record.queries
        if record.status == .failed { failures.append("\(record.cell): \(record.message ?? "failed")") }
        options.progress?(RunProgress(
          finished: done, total: todo.count, queries: queries, elapsedSeconds: (clock.now - start).seconds, failed: failures.count))
        launch()
      }
    }
    try await writer.finish()
    return RunSummary(
      folder: folder.path, trialsRun: todo.count, trialsSkipped: all.count - todo.count, failures: failures,
      queries: queries, seconds: (clock.now - start).seconds)
  }
}
