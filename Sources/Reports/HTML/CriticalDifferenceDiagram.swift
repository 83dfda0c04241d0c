import Analysis

/// The critical-difference diagram of a cross-task summary (Demšar, JMLR 2006, figure 1):
/// an axis of average ranks (1, the best, on the left), each method's rank marked and labelled,
/// the critical difference drawn as a bar above the axis, and a thick line under the axis
/// joining each group of methods whose ranks differ by less than it.
struct CriticalDifferenceDiagram {
  /// The summary drawn.
  var summary: CrossTaskSummary

  private let width = 820.0
  private let axisLeft = 200.0
  private let axisRight = 620.0
  private let axisY = 78.0
  private let rowHeight = 22.0

  /// The `<svg>` element.
  var svg: String {
    let k = summary.rows.count
    let order = summary.rows.indices.sorted {
      summary.rows[$0].averageRank < summary.rows[$1].averageRank
        || (summary.rows[$0].averageRank == summary.rows[$1].averageRank && $0 < $1)
    }
    let leftCount = (k + 1) / 2
    let cliqueTop = axisY + 10
    let labelTop = cliqueTop + Double(summary.cliques.count) * 8 + 16
    let height = labelTop + Double(max(leftCount, k - leftCount)) * rowHeight + 12
    func px(_ rank: Double) -> Double { axisLeft + (rank - 1) / Double(max(1, k - 1)) * (axisRight - axisLeft) }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
    out += "aria-label=\"critical difference diagram\" class=\"plot cddiagram\">\n"
    out += "<text x=\"\(n(width / 2))\" y=\"18\" class=\"title\">Average rank across tasks, Nemenyi critical difference "
    out += "(α = \(NumberFormat.fixed(summary.alpha, 2)))</text>\n"
    // The critical difference as a bar from rank 1.
    let cdEnd = min(px(1 + summary.criticalDifference), axisRight)
    out += "<line x1=\"\(n(px(1)))\" y1=\"40\" x2=\"\(n(cdEnd))\" y2=\"40\" class=\"cd\"/>"
    out += "<line x1=\"\(n(px(1)))\" y1=\"35\" x2=\"\(n(px(1)))\" y2=\"45\" class=\"cd\"/>"
    out += "<line x1=\"\(n(cdEnd))\" y1=\"35\" x2=\"\(n(cdEnd))\" y2=\"45\" class=\"cd\"/>"
    out += "<text x=\"\(n(cdEnd + 8))\" y=\"40\" class=\"cdlabel\">CD = \(NumberFormat.fixed(summary.criticalDifference, 3))</text>\n"
    // The axis with integer ticks.
    out += "<line x1=\"\(n(axisLeft))\" y1=\"\(n(axisY))\" x2=\"\(n(axisRight))\" y2=\"\(n(axisY))\" class=\"axis\"/>\n"
    for tick in 1...max(1, k) {
      let x = px(Double(tick))
      out += "<line x1=\"\(n(x))\" y1=\"\(n(axisY - 6))\" x2=\"\(n(x))\" y2=\"\(n(axisY))\" class=\"axis\"/>"
      out += "<text x=\"\(n(x))\" y=\"\(n(axisY - 14))\" class=\"tick\">\(tick)</text>\n"
    }
    // Each method: a drop line from its rank to its label row.
    for (position, index) in order.enumerated() {
      let row = summary.rows[index]
      let x = px(row.averageRank)
      let onLeft = position < leftCount
      let y = labelTop + Double(onLeft ? position : k - 1 - position) * rowHeight
      let end = onLeft ? axisLeft - 12 : axisRight + 12
      let colour = Palette.colour(index)
      out += "<circle cx=\"\(n(x))\" cy=\"\(n(axisY))\" r=\"3.5\" fill=\"\(colour)\"/>"
      out += "<polyline points=\"\(n(x)),\(n(axisY)) \(n(x)),\(n(y)) \(n(end)),\(n(y))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.4\"/>"
      let label = HTMLText.escaped(row.method) + " (" + NumberFormat.fixed(row.averageRank, 2) + ")"
      let anchor = onLeft ? "end" : "start"
      out += "<text x=\"\(n(onLeft ? end - 6 : end + 6))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(label)</text>\n"
    }
    // The cliques: methods not distinguishable at the critical difference.
    for (line, clique) in summary.cliques.enumerated() {
      let ranks = clique.map { summary.rows[$0].averageRank }
      guard let low = ranks.min(), let high = ranks.max() else { continue }
      let y = cliqueTop + Double(line) * 8
      out += "<line x1=\"\(n(px(low) - 5))\" y1=\"\(n(y))\" x2=\"\(n(px(high) + 5))\" y2=\"\(n(y))\" class=\"clique\"/>\n"
    }
    return out + "</svg>\n"
  }

  private func n(_ value: Double) -> String { NumberFormat.fixed(value, 1) }
}
