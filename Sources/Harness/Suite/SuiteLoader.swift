import Foundation
import Randomness
import SearchMethods
import Yams

/// Reads YAML suites into `Suite` values, with errors that point at file, line and column.
public struct SuiteLoader: Sendable {
  /// The methods a suite may name.
  public let methods: [MethodEntry]
  /// The tasks a suite may name.
  public let taskNames: [String]

  /// Creates a loader for the given methods and task names.
  public init(methods: [MethodEntry] = MethodRegistry.builtIn, taskNames: [String]) {
    self.methods = methods
    self.taskNames = taskNames
  }

  /// Loads the suite file at `path`.
  ///
  /// - Throws: `SuiteError` naming the file, line, column and key path.
  public func load(path: String) throws -> Suite {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw SuiteError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "not UTF-8 text" : "no such file")
    }
    return try load(yaml: text, file: path)
  }

  /// Loads a suite from YAML text; `file` names it in errors.
  public func load(yaml: String, file: String) throws -> Suite {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw SuiteError.invalid(file: file, line: 1, column: 1, path: "", message: "empty suite; expected a mapping with name, trials, budget, tasks and methods")
      }
      root = node
    } catch let error as YamlError {
      throw Self.syntaxError(error, file: file)
    }
    guard root.mapping != nil else {
      let mark = root.mark
      throw SuiteError.invalid(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: "", message: "expected a mapping at the top level")
    }
    let userInfo: [CodingUserInfoKey: Any] = [.methodEntries: methods, .taskNames: taskNames]
    do {
      return try YAMLDecoder().decode(Suite.self, from: root, userInfo: userInfo)
    } catch let error as SuiteValueError {
      throw Self.located(root, path: error.path, file: file, message: error.message, pointAtKey: false)
    } catch let error as MethodSettingsError {
      let pointAtKey: Bool
      if case .unknownKey = error { pointAtKey = true } else { pointAtKey = false }
      throw Self.located(root, path: error.path, file: file, message: error.description, pointAtKey: pointAtKey)
    } catch let error as DecodingError {
      throw Self.describe(error, root: root, file: file)
    }
  }

  // MARK: - Locating errors

  private static func syntaxError(_ error: YamlError, file: String) -> SuiteError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
      return .syntax(file: file, line: mark.line, column: mark.column, reason: problem)
    default:
      return .syntax(file: file, line: 1, column: 1, reason: "\(error)")
    }
  }

  private static func describe(_ error: DecodingError, root: Node, file: String) -> SuiteError {
    switch error {
    case .typeMismatch(let type, let context):
      let path = context.codingPath.map(pathComponent)
      let found = node(at: path, in: root).flatMap(\.scalar).map { "'\($0.string)'" } ?? "a \(kind(of: node(at: path, in: root)))"
      return located(root, path: path, file: file, message: "invalid value \(found); expected \(expectation(for: type))", pointAtKey: false)
    case .valueNotFound(let type, let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: "missing value; expected \(expectation(for: type))", pointAtKey: false)
    case .keyNotFound(let key, let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: "missing key '\(key.stringValue)'", pointAtKey: false)
    case .dataCorrupted(let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: context.debugDescription, pointAtKey: false)
    @unknown default:
      return .invalid(file: file, line: 1, column: 1, path: "", message: "\(error)")
    }
  }

  private static func pathComponent(_ key: any CodingKey) -> String {
    key.intValue.map(String.init) ?? key.stringValue
  }

  private static func expectation(for type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt64.Type: "an integer"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is String.Type: "a string"
    case is [String].Type: "a list of strings"
    case is [Int].Type: "a list of integers"
    default: "a value of type \(type)"
    }
  }

  private static func kind(of node: Node?) -> String {
    switch node {
    case .mapping?: "mapping"
    case .sequence?: "list"
    case .scalar?: "scalar"
    default: "missing value"
    }
  }

  /// An error at the node reached by `path` (the deepest existing node on the way).
  static func located(_ root: Node, path: [String], file: String, message: String, pointAtKey: Bool) -> SuiteError {
    var current = root
    var mark = root.mark
    for (depth, component) in path.enumerated() {
      if let mapping = current.mapping, let pair = mapping.first(where: { $0.key.string == component }) {
        let isLast = depth == path.count - 1
        mark = (isLast && pointAtKey ? pair.key.mark : pair.value.mark) ?? mark
        current = pair.value
      } else if let sequence = current.sequence, let index = Int(component), index < sequence.count {
        current = sequence[index]
        mark = current.mark ?? mark
      } else {
        break
      }
    }
    return .invalid(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: displayPath(path), message: message)
  }

  private static func node(at path: [String], in root: Node) -> Node? {
    var current = root
    for component in path {
      if let value = current.mapping?.first(where: { $0.key.string == component })?.value {
        current = value
      } else if let sequence = current.sequence, let index = Int(component), index < sequence.count {
        current = sequence[index]
      } else {
        return nil
      }
    }
    return current
  }

  /// `methods[1].settings.populationSize` from its components.
  static func displayPath(_ path: [String]) -> String {
    var text = ""
    for component in path {
      if Int(component) != nil {
        text += "[\(component)]"
      } else {
        text += text.isEmpty ? component : ".\(component)"
      }
    }
    return text
  }
}
