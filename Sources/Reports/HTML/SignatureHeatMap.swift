import Analysis

/// Token shares per position as three heat-maps side by side (generated, top 1 %, whole
/// domain), rendered as a self-contained inline SVG with a colour-scale legend.
///
/// Rows are the layout's positions; columns are every token name of the layout in order of
/// first appearance, so positions with different vocabularies (NAS-Bench-101's vertices and
/// edge bits) share one grid and a token a position cannot hold is drawn as an empty grey
/// cell. Each cell shows its share with two decimals.
struct SignatureHeatMap {
  /// Unique id within the page (for the gradient).
  var id: String
  /// Title above the panels.
  var title: String
  /// Position names, one per row.
  var rows: [String]
  /// Token names of each row's position.
  var rowTokens: [[String]]
  /// The three panels: heading and `[rows][tokens of the row]` shares in [0, 1].
  var panels: [(heading: String, shares: [[Double]])]

  /// The heat-map of one generating method: generated shares over all rounds, the top 1 %
  /// and the domain.
  init(_ signature: GeneratedSignature, id: String) {
    let reference = signature.reference
    self.id = id
    title = "\(signature.task): \(signature.method) token shares per position (all rounds)"
    rows = reference.positions.map(\.name)
    rowTokens = reference.positions.map(\.tokens)
    panels = [
      ("generated (\(signature.pooled.cells) cells)", signature.pooled.frequencies),
      ("top 1 % (\(reference.topCount))", reference.topFrequencies),
      ("whole domain (\(reference.domainCount))", reference.domainFrequencies),
    ]
  }

  private let cellWidth = 46.0
  private let cellHeight = 20.0
  private let rowLabelWidth = 96.0
  private let panelGap = 26.0
  private let top = 150.0

  /// Every token name in order of first appearance.
  var columns: [String] {
    var seen = Set<String>()
    return rowTokens.flatMap { $0 }.filter { seen.insert($0).inserted }
  }

  /// The `<svg>` element.
  var svg: String {
    let columns = self.columns
    let panelWidth = Double(columns.count) * cellWidth
    let gridBottom = top + Double(rows.count) * cellHeight
    // Room on the right for the last panel's slanted token names.
    let width = rowLabelWidth + Double(panels.count) * panelWidth + Double(panels.count - 1) * panelGap + 80
    let height = gridBottom + 90
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
    out += "width=\"\(Self.n(width))\" role=\"img\" aria-label=\"\(HTMLText.escaped(title))\" class=\"heatmap\">\n"
    out += "<text x=\"\(Self.n(width / 2))\" y=\"20\" class=\"title\">\(HTMLText.escaped(title))</text>\n"
    for (row, name) in rows.enumerated() {
      let y = top + (Double(row) + 0.5) * cellHeight
      out += "<text x=\"\(Self.n(rowLabelWidth - 8))\" y=\"\(Self.n(y))\" class=\"row\">\(HTMLText.escaped(name))</text>\n"
    }
    for (offset, panel) in panels.enumerated() {
      let left = rowLabelWidth + Double(offset) * (panelWidth + panelGap)
      out += "<text x=\"\(Self.n(left + panelWidth / 2))\" y=\"46\" class=\"heading\">\(HTMLText.escaped(panel.heading))</text>\n"
      for (column, token) in columns.enumerated() {
        let x = left + (Double(column) + 0.5) * cellWidth
        let y = top - 8
        out += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" transform=\"rotate(-55 \(Self.n(x)) \(Self.n(y)))\" class=\"token\">"
        out += "\(HTMLText.escaped(token))</text>\n"
      }
      for (row, tokens) in rowTokens.enumerated() {
        let y = top + Double(row) * cellHeight
        for (column, token) in columns.enumerated() {
          let x = left + Double(column) * cellWidth
          let rect = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(cellWidth))\" height=\"\(Self.n(cellHeight))\""
          guard let index = tokens.firstIndex(of: token) else {
            out += "<rect \(rect) class=\"absent\"/>\n"
            continue
          }
          let share = panel.shares[row][index]
          out += "<rect \(rect) fill=\"\(Self.colour(share))\" class=\"cell\"><title>"
          out += "\(HTMLText.escaped("\(rows[row]) \(token): \(NumberFormat.fixed(share, 3))"))</title></rect>"
          out += "<text x=\"\(Self.n(x + cellWidth / 2))\" y=\"\(Self.n(y + cellHeight / 2))\" "
          out += share > 0.55 ? "class=\"value dark\">" : "class=\"value\">"
          out += "\(NumberFormat.fixed(share, 2))</text>\n"
        }
      }
    }
    out += legend(left: rowLabelWidth, y: gridBottom + 24, width: min(320, width - rowLabelWidth - 24))
    return out + "</svg>\n"
  }

  private func legend(left: Double, y: Double, width: Double) -> String {
    var out = "<defs><linearGradient id=\"\(id)-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
    for stop in Self.stops {
      out += "<stop offset=\"\(NumberFormat.fixed(stop.at, 2))\" stop-color=\"\(Self.hex(stop.rgb))\"/>"
    }
    out += "</linearGradient></defs>\n"
    out += "<rect x=\"\(Self.n(left))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"12\" "
    out += "fill=\"url(#\(id)-scale)\" stroke=\"#444\" stroke-width=\"0.5\"/>\n"
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
      let x = left + tick * width
      out += "<line x1=\"\(Self.n(x))\" y1=\"\(Self.n(y + 12))\" x2=\"\(Self.n(x))\" y2=\"\(Self.n(y + 17))\" stroke=\"#444\"/>"
      out += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y + 27))\" class=\"tick\">\(NumberFormat.fixed(tick, 2))</text>\n"
    }
    out += "<text x=\"\(Self.n(left))\" y=\"\(Self.n(y + 46))\" class=\"legend\">"
    out += "share of the cells at the position holding the token; grey: token not possible there</text>\n"
    return out
  }

  /// The colour scale: white through light blue to dark blue.
  private static let stops: [(at: Double, rgb: (Double, Double, Double))] = [
    (0, (255, 255, 255)), (0.5, (107, 174, 214)), (1, (8, 48, 107)),
  ]

  /// The colour of a share in [0, 1] (values outside are clamped).
  static func colour(_ share: Double) -> String {
    let value = share.isFinite ? min(1, max(0, share)) : 0
    let upper = stops.firstIndex { $0.at >= value } ?? stops.count - 1
    guard upper > 0 else { return hex(stops[0].rgb) }
    let (a, b) = (stops[upper - 1], stops[upper])
    let t = (value - a.at) / (b.at - a.at)
    return hex((a.rgb.0 + t * (b.rgb.0 - a.rgb.0), a.rgb.1 + t * (b.rgb.1 - a.rgb.1), a.rgb.2 + t * (b.rgb.2 - a.rgb.2)))
  }

  private static func hex(_ rgb: (Double, Double, Double)) -> String {
    let digits = Array("0123456789abcdef")
    return "#"
      + [rgb.0, rgb.1, rgb.2].map { component in
        let byte = Int(min(255, max(0, component)).rounded())
        return String([digits[byte / 16], digits[byte % 16]])
      }.joined()
  }

  /// A coordinate with one decimal.
  private static func n(_ value: Double) -> String { NumberFormat.fixed(value, 1) }
}
