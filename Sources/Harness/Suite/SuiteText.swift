import Yams

/// Checks of a suite's raw text and YAML tree that protect the parser and the decoder: size,
/// control characters, nesting depth and the number of nodes once aliases are expanded.
///
/// Each problem is reported at its line and column, with a short excerpt of the line.
enum SuiteText {
  /// Largest suite file accepted (shipped suites are under 4 kB).
  static let maximumBytes = 1 << 20
  /// Deepest nesting of lists and mappings (shipped suites nest 4 levels).
  static let maximumDepth = 64
  /// Most YAML nodes once aliases are expanded (an alias bomb expands exponentially).
  static let maximumNodes = 100_000

  /// Where a problem is, 1-based.
  struct Position: Equatable {
    var line: Int
    var column: Int
  }

  /// The first problem of `text` as a located message, or `nil`.
  ///
  /// - Complexity: O(length of `text`).
  static func screen(_ text: String) -> (Position, String)? {
    if text.utf8.count > maximumBytes {
      return (position(ofUTF8Offset: maximumBytes, in: text), "the suite is \(text.utf8.count) bytes; at most \(maximumBytes) are read")
    }
    var flowDepth = 0
    var quote: Character?
    for (lineIndex, content) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = lineIndex + 1
      var column = 0
      var previous: Character = " "
      var escaped = false
      var indentation = true
      for scalar in content {
        column += 1
        let value = scalar.value
        let isControl =
          (value < 0x20 && value != 0x09 && value != 0x0D) || value == 0x7F
          || ((0x80...0x9F).contains(value) && value != 0x85) || value == 0xFFFE || value == 0xFFFF
        if isControl {
          return (Position(line: line, column: column), "control character U+\(hex(value)) is not allowed in YAML")
        }
        let character = Character(scalar)
        if indentation && character != " " {
          indentation = false
          if column > 4 * maximumDepth {
            return (Position(line: line, column: column), "indented \(column - 1) columns; lists and mappings nest too deep")
          }
        }
        defer { previous = character }
        if let open = quote {
          if open == "\"" && character == "\\" && !escaped {
            escaped = true
            continue
          }
          if character == open && !escaped { quote = nil }
          escaped = false
          continue
        }
        let opensToken = previous == " " || previous == "\t" || "[{,:-?".contains(previous) || column == 1
        switch character {
        case "\"" where opensToken, "'" where opensToken: quote = character
        case "#" where opensToken: break
        case "[", "{":
          flowDepth += 1
          if flowDepth > maximumDepth {
            return (Position(line: line, column: column), "lists and mappings nest deeper than \(maximumDepth) levels")
          }
        case "]", "}": flowDepth = max(0, flowDepth - 1)
        default: continue
        }
        if character == "#" && opensToken { break }
      }
    }
    return nil
  }

  /// The first place where the tree, aliases expanded, is deeper than `maximumDepth` or has
  /// more than `maximumNodes` nodes: the key path to it and the message.
  static func screen(_ root: Node) -> (path: [String], message: String)? {
    // Each node reached keeps only its key and its parent's place in `keys`; the key path is
    // built for the node reported. (Copying the path into every node made screening an alias
    // bomb's 100,000 values a fifth of the suite fuzz test's time.)
    var keys = [""]
    var parents = [0]
    func path(to place: Int) -> [String] {
      var path: [String] = []
      var place = place
      while place > 0 {
        path.append(keys[place])
        place = parents[place]
      }
      return path.reversed()
    }
    var stack: [(node: Node, place: Int, depth: Int)] = [(root, 0, 0)]
    var count = 0
    while let (node, place, depth) = stack.popLast() {
      count += 1
      if count > maximumNodes {
        let message = "the suite expands to more than \(maximumNodes) values (aliases repeat their anchor's contents); expected a small suite"
        return (path(to: place), message)
      }
      if depth > maximumDepth {
        return (path(to: place), "lists and mappings nest deeper than \(maximumDepth) levels")
      }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() {
          keys.append(key.string ?? "?")
          parents.append(place)
          stack.append((value, keys.count - 1, depth + 1))
        }
      case .sequence(let sequence):
        for (index, value) in sequence.enumerated().reversed() {
          keys.append(String(index))
          parents.append(place)
          stack.append((value, keys.count - 1, depth + 1))
        }
      case .scalar, .alias:
        break
      }
    }
    return nil
  }

  /// At most 60 characters of line `line` (1-based) of `text`, or `nil` when it is empty.
  static func excerpt(line: Int, of text: String) -> String? {
    let lines = text.unicodeScalars.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    let scalars = lines[line - 1].prefix(200).map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }
    let trimmed = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: " ")
    guard !trimmed.isEmpty else { return nil }
    return trimmed.count > 60 ? String(trimmed.prefix(57)) + "..." : trimmed
  }

  /// Where `key` appears again as a key after its first place `first` in the same mapping: on
  /// a later line at the same column (block style) or later on the same line (flow style).
  static func repetition(ofKey key: String, after first: Position, in text: String) -> Position? {
    guard !key.isEmpty else { return nil }
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    guard first.line >= 1, first.line <= lines.count else { return nil }
    func keyColumns(in line: String) -> [Int] {
      var columns: [Int] = []
      let characters = Array(line)
      let pattern = Array(key)
      var index = 0
      while index + pattern.count <= characters.count {
        let separated = index == 0 || " \t{,-".contains(characters[index - 1])
        if separated, Array(characters[index..<(index + pattern.count)]) == pattern {
          var end = index + pattern.count
          while end < characters.count, characters[end] == " " { end += 1 }
          if end < characters.count, characters[end] == ":" { columns.append(index + 1) }
        }
        index += 1
      }
      return columns
    }
    if let column = keyColumns(in: lines[first.line - 1]).first(where: { $0 > first.column }) {
      return Position(line: first.line, column: column)
    }
    for lineNumber in (first.line + 1)...max(first.line + 1, lines.count) where lineNumber <= lines.count {
      let line = lines[lineNumber - 1]
      let indentation = line.prefix(while: { $0 == " " }).count + 1
      if indentation < first.column, !line.trimmingCharacters(in: " ").isEmpty, !line.hasPrefix("#") { return nil }
      if keyColumns(in: line).contains(first.column) { return Position(line: lineNumber, column: first.column) }
    }
    return nil
  }

  /// The line and column of a UTF-8 byte offset.
  static func position(ofUTF8Offset offset: Int, in text: String) -> Position {
    var line = 1
    var column = 1
    for (index, byte) in text.utf8.enumerated() {
      if index >= offset { break }
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return Position(line: line, column: column)
  }

  /// The line and column of the first byte of `data` that is not valid UTF-8, or `nil`.
  static func firstInvalidUTF8(in data: [UInt8]) -> Position? {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var position = Position(line: 1, column: 1)
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" {
          position.line += 1
          position.column = 1
        } else {
          position.column += 1
        }
      case .emptyInput: return nil
      case .error: return position
      }
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result = result.dropFirst() }
    while let last = result.last, set.contains(last) { result = result.dropLast() }
    return String(result)
  }
}
