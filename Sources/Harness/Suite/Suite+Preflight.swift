import Benchmarks
import SearchMethods

/// The checks of a suite against what it will run on, done by `validate` and by `run` before
/// a run folder is created: each method's settings against each task's search space, a
/// seconds budget against tasks without a cost column, and the numeric backend it asks for.
///
/// The errors carry key paths (`methods[1].settings.encoding`), which the loader turns into
/// file, line and column.
public struct SuitePreflight: Sendable {
  /// Where the tasks (and through them the search spaces) come from.
  public let source: any TaskSource
  /// Why the suite's `matmul` value cannot be used on this machine, or `nil` when it can.
  public let backendProblem: @Sendable (String) -> String?

  /// A pre-flight over `source`'s tasks; `backendProblem` checks the `matmul` choice.
  public init(source: any TaskSource, backendProblem: @escaping @Sendable (String) -> String? = { _ in nil }) {
    self.source = source
    self.backendProblem = backendProblem
  }

  /// Throws the first problem of `suite` (`SuiteValueError` or `MethodSettingsError` with a
  /// key path), or any error of loading a task's data.
  func check(_ suite: Suite) throws {
    if let problem = backendProblem(suite.matmul) {
      throw SuiteValueError(path: ["matmul"], message: "'\(suite.matmul)' cannot be used here: \(problem)")
    }
    let source = suite.taskSource(over: source)
    for name in suite.tasks {
      let task = try source.task(named: name)
      if case .seconds = suite.budget, task.cost == nil {
        throw SuiteValueError(
          path: ["budget", "seconds"],
          message: "task '\(name)' has no cost column, so a 'seconds' budget cannot be spent on it; use 'queries: N' or drop the task")
      }
      for (index, spec) in suite.methods.enumerated() {
        do {
          try spec.entry.check(spec.settings, against: task.domain.space)
        } catch let error as MethodSettingsError {
          let located = error.prefixed(by: ["methods", String(index), "settings"])
          throw SuiteValueError(path: located.path, message: "\(error.description) (on task '\(name)')")
        }
      }
    }
  }
}
