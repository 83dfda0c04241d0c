/// Why a run could not start, resume or merge.
public enum RunError: Error, Equatable, CustomStringConvertible {
  /// The output folder already holds a run log.
  case folderNotEmpty(path: String)
  /// A run folder lacks what resume or merge needs.
  case notARun(path: String, missing: String)
  /// The folder to resume does not exist.
  case noSuchFolder(path: String)
  /// The folder's `suite.yaml` is not the suite the run started with (its hash differs from
  /// the manifest's); `differences` names each changed value, e.g. `budget.queries: 200 when
  /// the run started, 150 now`.
  case editedSuite(file: String, differences: [String])
  /// A log line belongs to no cell of the run's suite.
  case foreignTrial(file: String, cell: String)
  /// A resumed trial produced other lines than its logged ones.
  case divergentReplay(cell: String, line: Int)
  /// The data files differ from the ones the run used.
  case dataChanged(file: String, recorded: String, now: String)
  /// The budget needs a cost column that the task lacks.
  case noCostColumn(task: String)
  /// Folders to merge do not belong together.
  case mergeMismatch(path: String, reason: String)
  /// A shard specification is not `i/N` with 0 <= i < N.
  case invalidShard(String)
  /// None of the suite's methods has a predictor to evaluate.
  case noPredictors(methods: [String])
  /// The guidance check found no `diffusionnag` method in the suite.
  case noDiffusionMethod(methods: [String])

  /// One line saying what is wrong and what to do.
  public var description: String {
    switch self {
    case .folderNotEmpty(let path):
      "\(path): already holds a run log; resume it with 'nasarena run --resume \(path)' or choose another --output"
    case .notARun(let path, let missing):
      "\(path): not a run folder: missing \(missing)"
    case .noSuchFolder(let path):
      "\(path): no such run folder; resume a folder that 'nasarena run' wrote, or start one with 'nasarena run SUITE --output \(path)'"
    case .editedSuite(let file, let differences):
      "\(file): changed since the run started (\(differences.joined(separator: "; "))); a run resumes only with the suite it started with: restore the file, or start a new run"
    case .foreignTrial(let file, let cell):
      "\(file): holds lines of trial \(cell), which is not a trial of the run's suite; the log or suite.yaml was changed"
    case .divergentReplay(let cell, let line):
      "trial \(cell): the replay differs from the logged line \(line) of that trial; the code or data changed since the run started"
    case .dataChanged(let file, let recorded, let now):
      "\(file): checksum \(now) differs from the run's recorded \(recorded); resume or merge needs the same data"
    case .noCostColumn(let task):
      "task '\(task)' has no cost column; use a 'queries' budget for it"
    case .mergeMismatch(let path, let reason):
      "\(path): cannot merge: \(reason)"
    case .noPredictors(let methods):
      "none of the suite's methods (\(methods.joined(separator: ", "))) has a predictor; see 'nasarena methods'"
    case .noDiffusionMethod(let methods):
      "none of the suite's methods (\(methods.joined(separator: ", "))) is diffusionnag; the guidance check samples from its score model"
    case .invalidShard(let text):
      "invalid shard '\(text)'; expected i/N with 0 <= i < N, e.g. 0/4"
    }
  }
}
