import Benchmarks
import SearchMethods

/// One item of a suite's `tasks:` list: a shipped task's name, or a task declared over a
/// shipped benchmark (a mapping with `name`, `benchmark`, `signal`, `report`, optional
/// `dataset` and `cost: { column, scale }`).
enum TaskEntry: Decodable {
  case named(String)
  case declared(TaskDeclaration)

  var name: String {
    switch self {
    case .named(let name): name
    case .declared(let declaration): declaration.name
    }
  }

  private enum CodingKeys: String, CodingKey, CaseIterable { case name, benchmark, dataset, signal, report, cost }
  private enum CostKeys: String, CodingKey, CaseIterable { case column, scale }

  init(from decoder: any Decoder) throws {
    if let name = try? decoder.singleValueContainer().decode(String.self) {
      let known = decoder.userInfo[.taskNames] as? [String] ?? []
      guard known.contains(name) else {
        let hint = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
        throw SuiteValueError(
          path: decoder.codingPath.map(\.pathComponent),
          message:
            "unknown task '\(name.prefix(60))'\(hint); known: \(known.joined(separator: ", ")), or declare one (name, benchmark, signal, report, cost)"
        )
      }
      self = .named(name)
      return
    }
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var cost: TaskDeclaration.Cost?
    if container.contains(.cost) {
      let costDecoder = try container.superDecoder(forKey: .cost)
      try costDecoder.rejectUnknownKeys(CostKeys.self)
      let costContainer = try costDecoder.container(keyedBy: CostKeys.self)
      cost = TaskDeclaration.Cost(
        column: try costContainer.decode(String.self, forKey: .column), scale: try costContainer.decode(.scale, default: 1.0))
    }
    let declaration = TaskDeclaration(
      name: try container.decode(String.self, forKey: .name), benchmark: try container.decode(String.self, forKey: .benchmark),
      dataset: try container.decodeIfPresent(String.self, forKey: .dataset), signal: try container.decode(String.self, forKey: .signal),
      report: try container.decode(String.self, forKey: .report), cost: cost)
    if let problem = TaskCatalog.problem(with: declaration) {
      var message = problem.message
      if let value = problem.value, let closest = Suggestion.closest(to: value, among: problem.candidates) {
        message += " (did you mean '\(closest)'?)"
      }
      if !problem.candidates.isEmpty { message += "; \(problem.allowedLabel): \(problem.candidates.joined(separator: ", "))" }
      throw SuiteValueError(path: decoder.codingPath.map(\.pathComponent) + problem.key, message: message)
    }
    self = .declared(declaration)
  }
}
