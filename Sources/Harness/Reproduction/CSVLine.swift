/// The fields of one line of a CSV file as the project writes them (`baselines/published.csv`,
/// a run folder's `trials.csv`): commas separate, a field that starts with a double quote runs
/// to the closing quote and may hold commas, `""` inside it is one quote.
enum CSVLine {
  /// The fields of `line` (a trailing `\r` dropped), or `nil` when a quote is not closed.
  static func fields(_ line: some StringProtocol) -> [String]? {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var characters = Array(line)
    if characters.last == "\r" { characters.removeLast() }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if quoted {
        if character == "\"" {
          if index + 1 < characters.count && characters[index + 1] == "\"" {
            current.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" && current.isEmpty {
        quoted = true
      } else if character == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      index += 1
    }
    guard !quoted else { return nil }
    fields.append(current)
    return fields
  }
}
