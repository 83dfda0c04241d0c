/// A line chart with shaded bands and a legend, rendered as a self-contained inline SVG.
struct LinePlot {
  /// One method's line.
  struct Series {
    /// Legend text.
    var name: String
    /// Index into `Palette`.
    var style: Int
    /// Points (x, y); NaN y values break the line.
    var points: [(x: Double, y: Double)]
    /// Band around the line at the same x values: (x, low, high); empty for none.
    var band: [(x: Double, low: Double, high: Double)] = []
    /// A faint thin line without a legend entry (one trial of a per-trial view).
    var faint = false
  }

  /// A horizontal line at a value of note (the optimum, a threshold), labelled in the plot.
  struct Reference {
    /// Where the line is drawn.
    var value: Double
    /// Its label, drawn at the right end above the line.
    var label: String
  }

  /// Unique id within the page (for the clip path).
  var id: String
  /// Title above the plot.
  var title: String
  /// Label under the x axis.
  var xLabel: String
  /// Label beside the y axis.
  var yLabel: String
  /// The lines, in legend order.
  var series: [Series]
  /// Whether the x axis is logarithmic.
  var xLogarithmic = false
  /// Whether the y axis is logarithmic; values at or below 0 are drawn at the bottom.
  var yLogarithmic = false
  /// A fixed y scale (e.g. ranks), drawn with its lower end at the top when `yReversed`.
  var yScale: AxisScale?
  /// Whether small y values are drawn at the top (ranks: 1 is best).
  var yReversed = false
  /// Horizontal reference lines; their values are inside the y range.
  var references: [Reference] = []
  /// Zoom the y axis to the points at or after this x (and the references); earlier points
  /// that fall outside are clipped. `nil`: the axis covers every point.
  var yZoomFrom: Double?

  private let width = 820.0
  private let height = 420.0
  private let left = 78.0
  private let right = 615.0
  private let top = 40.0
  private let bottom = 360.0

  /// The `<svg>` element.
  var svg: String {
    let xValues: [Double] = series.flatMap { $0.points.map(\.x) } + (xLogarithmic ? [] : [0])
    let xScale = AxisScale(covering: xValues, logarithmic: xLogarithmic, tight: true)
    let zoom = yZoomFrom ?? -Double.infinity
    let yValues =
      series.flatMap { line in
        line.points.filter { $0.x >= zoom }.map(\.y) + line.band.filter { $0.x >= zoom }.flatMap { [$0.low, $0.high] }
      } + references.map(\.value)
    let yScale = self.yScale ?? AxisScale(covering: yValues, logarithmic: yLogarithmic && yValues.contains { $0 > 0 })
    func px(_ x: Double) -> Double { left + xScale.fraction(x) * (right - left) }
    func py(_ y: Double) -> Double {
      let fraction = yScale.fraction(y)
      return yReversed ? top + fraction * (bottom - top) : bottom - fraction * (bottom - top)
    }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
    out += "role=\"img\" aria-label=\"\(HTMLText.escaped(title))\" class=\"plot\">\n"
    out += "<clipPath id=\"\(id)-clip\"><rect x=\"\(Self.n(left))\" y=\"\(Self.n(top))\" "
    out += "width=\"\(Self.n(right - left))\" height=\"\(Self.n(bottom - top))\"/></clipPath>\n"
    out += "<text x=\"\(Self.n((left + right) / 2))\" y=\"24\" class=\"title\">\(HTMLText.escaped(title))</text>\n"
    out += axes(xScale: xScale, yScale: yScale, px: px, py: py)
    out += "<g clip-path=\"url(#\(id)-clip)\">\n"
    for line in series {
      let colour = Palette.colour(line.style)
      if let band = bandPath(line.band, px: px, py: py) {
        out += "<path d=\"\(band)\" fill=\"\(colour)\" fill-opacity=\"0.16\" stroke=\"none\"/>\n"
      }
    }
    for line in series where line.faint {
      out += "<path d=\"\(linePath(line.points, px: px, py: py))\" fill=\"none\" stroke=\"\(Palette.colour(line.style))\" "
      out += "stroke-width=\"0.7\" stroke-opacity=\"0.28\"/>\n"
    }
    for line in series where !line.faint {
      let dash = Palette.dash(line.style).map { " stroke-dasharray=\"\($0)\"" } ?? ""
      out += "<path d=\"\(linePath(line.points, px: px, py: py))\" fill=\"none\" stroke=\"\(Palette.colour(line.style))\" "
      out += "stroke-width=\"2.2\" stroke-linejoin=\"round\"\(dash)/>\n"
    }
    out += "</g>\n" + referenceLines(py: py) + legend() + "</svg>\n"
    return out
  }

  private func axes(xScale: AxisScale, yScale: AxisScale, px: (Double) -> Double, py: (Double) -> Double) -> String {
    var out = "<g class=\"axes\">\n"
    for tick in xScale.ticks {
      let x = Self.n(px(tick))
      out += "<line x1=\"\(x)\" y1=\"\(Self.n(top))\" x2=\"\(x)\" y2=\"\(Self.n(bottom))\" class=\"grid\"/>"
      out += "<text x=\"\(x)\" y=\"\(Self.n(bottom + 18))\" class=\"xtick\">\(xScale.label(tick))</text>\n"
    }
    for tick in yScale.ticks {
      let y = Self.n(py(tick))
      out += "<line x1=\"\(Self.n(left))\" y1=\"\(y)\" x2=\"\(Self.n(right))\" y2=\"\(y)\" class=\"grid\"/>"
      out += "<text x=\"\(Self.n(left - 8))\" y=\"\(y)\" class=\"ytick\">\(yScale.label(tick))</text>\n"
    }
    out += "<rect x=\"\(Self.n(left))\" y=\"\(Self.n(top))\" width=\"\(Self.n(right - left))\" "
    out += "height=\"\(Self.n(bottom - top))\" class=\"frame\"/>\n"
    out += "<text x=\"\(Self.n((left + right) / 2))\" y=\"\(Self.n(bottom + 44))\" class=\"xlabel\">"
    out += "\(HTMLText.escaped(xLabel))</text>\n"
    let middle = Self.n((top + bottom) / 2)
    out += "<text x=\"18\" y=\"\(middle)\" transform=\"rotate(-90 18 \(middle))\" class=\"ylabel\">"
    out += "\(HTMLText.escaped(yLabel))</text>\n"
    return out + "</g>\n"
  }

  /// The reference lines with their labels, moved apart where two would overlap.
  private func referenceLines(py: (Double) -> Double) -> String {
    guard !references.isEmpty else { return "" }
    var out = "<g class=\"references\">\n"
    var lastLabel = -Double.infinity
    for reference in references.sorted(by: { py($0.value) < py($1.value) }) {
      let y = py(reference.value)
      guard y.isFinite, y >= top - 0.5, y <= bottom + 0.5 else { continue }
      out += "<line x1=\"\(Self.n(left))\" y1=\"\(Self.n(y))\" x2=\"\(Self.n(right))\" y2=\"\(Self.n(y))\" class=\"reference\"/>"
      let labelY = max(y - 7, lastLabel + 13, top + 8)
      lastLabel = labelY
      out += "<text x=\"\(Self.n(right - 6))\" y=\"\(Self.n(labelY))\" class=\"reference\">\(HTMLText.escaped(reference.label))</text>\n"
    }
    return out + "</g>\n"
  }

  private func legend() -> String {
    var out = "<g class=\"legend\">\n"
    for (row, line) in series.filter({ !$0.faint }).enumerated() {
      let y = top + 10 + Double(row) * 22
      let dash = Palette.dash(line.style).map { " stroke-dasharray=\"\($0)\"" } ?? ""
      out += "<line x1=\"\(Self.n(right + 14))\" y1=\"\(Self.n(y))\" x2=\"\(Self.n(right + 44))\" y2=\"\(Self.n(y))\" "
      out += "stroke=\"\(Palette.colour(line.style))\" stroke-width=\"3\"\(dash)/>"
      let name = line.name.count > 22 ? String(line.name.prefix(21)) + "…" : line.name
      out += "<text x=\"\(Self.n(right + 50))\" y=\"\(Self.n(y))\">\(HTMLText.escaped(name))</text>\n"
    }
    return out + "</g>\n"
  }

  private func linePath(_ points: [(x: Double, y: Double)], px: (Double) -> Double, py: (Double) -> Double) -> String {
    var commands: [String] = []
    var drawing = false
    for point in points {
      guard point.y.isFinite, point.x.isFinite else {
        drawing = false
        continue
      }
      commands.append((drawing ? "L" : "M") + Self.n(px(point.x)) + " " + Self.n(py(point.y)))
      drawing = true
    }
    return commands.joined(separator: " ")
  }

  private func bandPath(
    _ band: [(x: Double, low: Double, high: Double)], px: (Double) -> Double, py: (Double) -> Double
  ) -> String? {
    let usable = band.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
    guard usable.count > 1 else { return nil }
    let upper = usable.map { Self.n(px($0.x)) + " " + Self.n(py($0.high)) }
    let lower = usable.reversed().map { Self.n(px($0.x)) + " " + Self.n(py($0.low)) }
    return "M" + (upper + lower).joined(separator: " L") + " Z"
  }

  /// A coordinate with one decimal: enough on screen, short in the file.
  private static func n(_ value: Double) -> String { NumberFormat.fixed(value, 1) }
}
