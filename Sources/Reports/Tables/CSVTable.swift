/// A tidy table written as CSV: a header row, then one row per record.
///
/// Fields holding a comma, a quote or a line break are quoted (RFC 4180), so
/// `pandas.read_csv(path)` reads every file in one line.
struct CSVTable {
  /// File name, e.g. `curves.csv`.
  var name: String
  /// Column names.
  var header: [String]
  /// Rows, each with one field per column.
  var rows: [[String]] = []

  /// Appends a row; its width must match the header.
  mutating func append(_ row: [String]) {
    precondition(row.count == header.count, "\(name): row of \(row.count) fields for \(header.count) columns")
    rows.append(row)
  }

  /// The file's text, lines ending in `\n`.
  var text: String {
    ([header] + rows).map { $0.map(CSVTable.escaped).joined(separator: ",") + "\n" }.joined()
  }

  private static func escaped(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}
