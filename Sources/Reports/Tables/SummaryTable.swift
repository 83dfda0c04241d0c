/// A small table for people (not pandas), rendered as Markdown in `summary.md` and as HTML in
/// `report.html`, so both show the same numbers.
struct SummaryTable {
  /// One cell: its text and whether it is highlighted (the best value of its column).
  struct Cell: ExpressibleByStringLiteral {
    var text: String
    var emphasized = false

    init(_ text: String, emphasized: Bool = false) {
      self.text = text
      self.emphasized = emphasized
    }

    init(stringLiteral value: String) { self.init(value) }
  }

  /// Column headings.
  var header: [String]
  /// Rows of cells, one per heading.
  var rows: [[Cell]] = []
  /// Columns of text, left-aligned; the others hold numbers and are right-aligned. The first
  /// column is always text.
  var textColumns: Set<Int> = []

  /// Appends a row; its width must match the header.
  mutating func append(_ row: [Cell]) {
    precondition(row.count == header.count, "summary table: row of \(row.count) cells for \(header.count) columns")
    rows.append(row)
  }

  /// GitHub-flavoured Markdown, emphasized cells in bold, pipes escaped.
  var markdown: String {
    func escape(_ text: String) -> String { text.replacing("|", with: "\\|").replacing("\n", with: " ") }
    var lines = ["| " + header.map(escape).joined(separator: " | ") + " |"]
    lines.append("|" + header.indices.map { $0 == 0 || textColumns.contains($0) ? " --- |" : " ---: |" }.joined())
    for row in rows {
      lines.append("| " + row.map { $0.emphasized ? "**\(escape($0.text))**" : escape($0.text) }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A header's text with a line-break opportunity after every underscore, so a long column
  /// name such as `report_of_best_signal @ 25` wraps inside its narrow header cell.
  static func breakable(_ escaped: String) -> String {
    escaped.split(separator: "_", omittingEmptySubsequences: false).joined(separator: "_<wbr>")
  }

  /// An HTML `<table>`, emphasized cells in bold, text escaped.
  var html: String {
    func align(_ column: Int) -> String { column == 0 || textColumns.contains(column) ? " class=\"text\"" : "" }
    var out = "<div class=\"scroll\"><table>\n<thead><tr>"
    out += header.enumerated().map { "<th\(align($0))>\(Self.breakable(HTMLText.escaped($1)))</th>" }.joined()
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
      out += row.enumerated().map { column, cell in
        let text = HTMLText.escaped(cell.text)
        return cell.emphasized ? "<td\(align(column))><b>\(text)</b></td>" : "<td\(align(column))>\(text)</td>"
      }.joined()
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table></div>\n"
  }
}

/// Escaping of text placed in HTML and SVG.
enum HTMLText {
  /// `text` escaped, with Markdown code spans (`` `name` ``) turned into `<code>` elements.
  static func withCode(_ text: String) -> String {
    let parts = escaped(text).split(separator: "`", omittingEmptySubsequences: false)
    return parts.enumerated().map { index, part in index % 2 == 1 ? "<code>\(part)</code>" : String(part) }.joined()
  }

  /// `text` with `&`, `<`, `>` and `"` replaced by entities.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
