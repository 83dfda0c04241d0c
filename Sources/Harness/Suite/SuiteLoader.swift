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

  /// Loads the suite file at `path`; with `preflight`, also checks it against the tasks'
  /// search spaces and the machine (see `SuitePreflight`).
  ///
  /// - Throws: `SuiteError` naming the file, line, column and key path.
  public func load(path: String, preflight: SuitePreflight? = nil) throws -> Suite {
    // A huge file is not read whole: its first bytes past the limit are enough to refuse it.
    let handle = FileHandle(forReadingAtPath: path)
    defer { try? handle?.close() }
    guard let data = try? handle?.read(upToCount: SuiteText.maximumBytes + 4) ?? (handle == nil ? nil : Data()) else {
      throw SuiteError.unreadable(
        file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
    }
    var bytes = [UInt8](data)
    if bytes.count > SuiteText.maximumBytes {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? bytes.count
      while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
      if !bytes.isEmpty { bytes.removeLast() }
      let text = String(decoding: bytes, as: UTF8.self)
      let position = SuiteText.position(ofUTF8Offset: SuiteText.maximumBytes, in: text)
      throw SuiteError.syntax(
        file: path, line: position.line, column: position.column,
        reason: "the suite is \(size) bytes; at most \(SuiteText.maximumBytes) are read")
    }
    if let position = SuiteText.firstInvalidUTF8(in: bytes) {
      throw SuiteError.syntax(file: path, line: position.line, column: position.column, reason: "not UTF-8 text (a byte that starts no character)")
    }
    return try load(yaml: String(decoding: bytes, as: UTF8.self), file: path, preflight: preflight)
  }

  /// Loads a suite from YAML text; `file` names it in errors.
  ///
  /// - Throws: `SuiteError` naming the file, line, column and key path.
  public func load(yaml: String, file: String, preflight: SuitePreflight? = nil) throws -> Suite {
    if let (position, reason) = SuiteText.screen(yaml) {
      throw SuiteError.syntax(
        file: file, line: position.line, column: position.column, reason: Self.withExcerpt(reason, line: position.line, of: yaml))
    }
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw SuiteError.invalid(
          file: file, line: 1, column: 1, path: "", message: "empty suite; expected a mapping with name, trials, budget, tasks and methods")
      }
      root = node
    } catch let error as YamlError {
      throw Self.syntaxError(error, file: file, text: yaml)
    }
    if let (path, message) = SuiteText.screen(root) {
      throw Self.located(root, path: path, file: file, message: message, pointAtKey: false)
    }
    guard root.mapping != nil else {
      let mark = root.mark
      throw SuiteError.invalid(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: "", message: "expected a mapping at the top level")
    }
    let userInfo: [CodingUserInfoKey: Any] = [.methodEntries: methods, .taskNames: taskNames]
    let suite: Suite
    do {
      suite = try YAMLDecoder().decode(Suite.self, from: root, userInfo: userInfo)
    } catch {
      throw Self.locate(error, root: root, file: file)
    }
    if let preflight {
      do {
        try preflight.check(suite)
      } catch {
        throw Self.locate(error, root: root, file: file)
      }
    }
    return suite
  }

  // MARK: - Locating errors

  /// A decoding or pre-flight error at its place in the file; other errors pass unchanged.
  private static func locate(_ error: any Error, root: Node, file: String) -> any Error {
    switch error {
    case let error as SuiteValueError:
      return located(root, path: error.path, file: file, message: error.message, pointAtKey: false)
    case let error as MethodSettingsError:
      let pointAtKey: Bool
      if case .unknownKey = error { pointAtKey = true } else { pointAtKey = false }
      return located(root, path: error.path, file: file, message: error.description, pointAtKey: pointAtKey)
    case let error as DecodingError:
      return describe(error, root: root, file: file)
    default:
      return error
    }
  }

  private static func syntaxError(_ error: YamlError, file: String, text: String) -> SuiteError {
    func syntax(_ mark: Mark, _ reason: String) -> SuiteError {
      syntaxAt(mark.line, mark.column, reason)
    }
    func syntaxAt(_ line: Int, _ column: Int, _ reason: String) -> SuiteError {
      .syntax(file: file, line: line, column: column, reason: withExcerpt(reason, line: line, of: text))
    }
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
      return syntax(mark, problem)
    case .composer(let context, let problem, let mark, _):
      if context?.text.contains("single document") == true {
        return syntax(mark, "a second document ('---'); a suite is one document")
      }
      return syntax(mark, problem == "found undefined alias" ? "an alias ('*name') with no anchor ('&name') before it" : problem)
    case .reader(let problem, let offset, _, _):
      let position = SuiteText.position(ofUTF8Offset: offset ?? 0, in: text)
      return syntaxAt(position.line, position.column, problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = SuiteText.Position(line: context.mark.line, column: context.mark.column)
      let repeated = SuiteText.repetition(ofKey: key, after: first, in: text) ?? first
      return syntaxAt(
        repeated.line, repeated.column,
        "duplicate key '\(key.prefix(40))' (first at line \(first.line)); each key may appear once in a mapping")
    default:
      return .syntax(file: file, line: 1, column: 1, reason: "the YAML parser failed (\(String(describing: error).prefix(80)))")
    }
  }

  /// `reason`, followed by the start of line `line` when it has text.
  private static func withExcerpt(_ reason: String, line: Int, of text: String) -> String {
    SuiteText.excerpt(line: line, of: text).map { "\(reason) (line \(line): '\($0)')" } ?? reason
  }

  private static func describe(_ error: DecodingError, root: Node, file: String) -> SuiteError {
    switch error {
    case .typeMismatch(let type, let context):
      let path = context.codingPath.map(pathComponent)
      let found =
        node(at: path, in: root).flatMap(\.scalar).map { "invalid value '\($0.string.prefix(60))'" } ?? "a \(kind(of: node(at: path, in: root)))"
      return located(root, path: path, file: file, message: "\(found); expected \(expectation(for: type))", pointAtKey: false)
    case .valueNotFound(let type, let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: "missing value; expected \(expectation(for: type))", pointAtKey: false)
    case .keyNotFound(let key, let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: "missing key '\(key.stringValue)'", pointAtKey: false)
    case .dataCorrupted(let context):
      let path = context.codingPath.map(pathComponent)
      return located(root, path: path, file: file, message: "a value that cannot be read here", pointAtKey: false)
    @unknown default:
      return .invalid(file: file, line: 1, column: 1, path: "", message: "a value that cannot be read")
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
    case is Node.Mapping.Type, is [String: Any].Type: "a mapping of keys to values"
    case is Node.Sequence.Type, is [Any].Type: "a list"
    case is Node.Scalar.Type: "a single value, not a list or mapping"
    default: "a value of another shape"
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
