import Benchmarks
import Foundation
import Results
import SearchMethods
import SearchSpaces

/// The pretrained values one run's trials need, obtained before the trials start.
///
/// For every pretrainable method of the suite and every search space among the tasks still to
/// run, the value comes from the cache (memory, then disk) or is computed once; methods whose
/// keys are equal (one pretraining family, equal settings) share one job, and distinct keys
/// are prepared in parallel up to the worker count. A pretraining that throws fails the trials
/// that need it, with its message, and the suite goes on.
struct PretrainingStage {
  /// The value (or the failure) for each (method label, task name).
  private(set) var values: [String: Result<any Sendable, PretrainingFailure>] = [:]
  /// One record per pretraining key obtained, in suite order.
  private(set) var records: [PretrainingRecord] = []

  /// Prepares what `cells` need.
  static func prepare(
    _ suite: Suite, cells: [TrialCell], tasks: [String: BenchmarkTask], options: RunOptions, workers: Int
  ) async throws -> PretrainingStage {
    var stage = PretrainingStage()
    let cache = options.cache ?? PretrainingCache(directory: nil)
    struct Job: Sendable {
      let spec: MethodSpec
      let ability: PretrainingAbility
      let task: BenchmarkTask
      /// Every (method label, task name) the value serves.
      var users: [(label: String, task: String)]
      let key: Result<PretrainingKey, PretrainingFailure>
    }
    var jobs: [Job] = []
    var jobOfKey: [String: Int] = [:]
    for spec in suite.methods {
      guard let ability = spec.entry.pretraining else { continue }
      var bySpace: [String: [String]] = [:]
      var order: [String] = []
      for name in suite.tasks where cells.contains(where: { $0.method == spec.label && $0.task == name }) {
        guard let space = tasks[name]?.domain.space.name else { continue }
        if bySpace[space] == nil { order.append(space) }
        bySpace[space, default: []].append(name)
      }
      for space in order {
        guard let names = bySpace[space], let first = names.first, let task = tasks[first] else { continue }
        let users = names.map { (label: spec.label, task: $0) }
        let key: Result<PretrainingKey, PretrainingFailure>
        do {
          key = .success(try cache.key(for: spec, ability: ability, space: task.domain.space, suiteSeed: suite.seed))
        } catch {
          key = .failure(PretrainingFailure(message: "pretraining on \(space) failed: \(error)"))
        }
        // Methods of one family with equal settings share the key: one job serves them all.
        if case .success(let shared) = key, let existing = jobOfKey[shared.hash] {
          jobs[existing].users += users
          continue
        }
        if case .success(let shared) = key { jobOfKey[shared.hash] = jobs.count }
        jobs.append(Job(spec: spec, ability: ability, task: task, users: users, key: key))
      }
    }
    guard !jobs.isEmpty else { return stage }
    let log = options.log
    var outcomes = [(Result<any Sendable, PretrainingFailure>, PretrainingRecord?)?](repeating: nil, count: jobs.count)
    try await withThrowingTaskGroup(of: (Int, Result<any Sendable, PretrainingFailure>, PretrainingRecord?).self) { group in
      var next = 0
      func launch() {
        guard next < jobs.count else { return }
        let position = next
        let job = jobs[position]
        next += 1
        group.addTask {
          let space = job.task.domain.space
          let labels = job.users.map(\.label).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
          let prefix = "pretraining \(labels.joined(separator: ", ")) on \(space.name)"
          do {
            let key = try job.key.get()
            let (value, record) = try cache.value(
              for: key, spec: job.spec, ability: job.ability, space: space,
              warn: { log?("warning: \($0)") }, progress: { log?("\(prefix): \($0)") })
            log?("\(prefix): \(record.origin.rawValue)" + (record.origin == .computed ? String(format: " in %.1f s", record.pretrainingSeconds) : ""))
            return (position, .success(value), record)
          } catch {
            log?("\(prefix) failed: \(error)")
            let failure = error as? PretrainingFailure ?? PretrainingFailure(message: "pretraining on \(space.name) failed: \(error)")
            return (position, .failure(failure), nil)
          }
        }
      }
      for _ in 0..<min(max(1, workers), jobs.count) { launch() }
      while let (position, outcome, record) = try await group.next() {
        outcomes[position] = (outcome, record)
        launch()
      }
    }
    for (job, outcome) in zip(jobs, outcomes) {
      guard let (value, record) = outcome else { continue }
      for user in job.users { stage.values[Self.id(label: user.label, task: user.task)] = value }
      if let record { stage.records.append(record) }
    }
    return stage
  }

  /// The value for a trial of `label` on `task`, `nil` for methods without pretraining.
  func value(label: String, task: String) throws -> (any Sendable)? {
    try values[Self.id(label: label, task: task)]?.get()
  }

  private static func id(label: String, task: String) -> String { label + "\u{0}" + task }
}

/// A pretraining that threw; the trials that need it fail with this message.
struct PretrainingFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
