import Analysis
import Results

extension LinePlot {
  /// The plots of one task, in page order: `report_of_best_signal`, its regret, `oracle_max`,
  /// the per-trial view (when asked for), the seconds grid (when the task has costs), the average rank (with two or more methods) and the
  /// recommendations (when there are some).
  static func plots(for task: TaskAnalysis, index: Int, settings: ReportSettingsView) -> [LinePlot] {
    let name = task.task.name
    let metric = task.task.reportColumn
    let bandName = settings.stderrBand ? "mean ± s.e." : "mean ± s.d."
    let zoom = zoomStart(task)
    var plots: [LinePlot] = []
    plots.append(
      LinePlot(
        id: "t\(index)-best", title: "\(name): report_of_best_signal (\(bandName))", xLabel: zoomNote("queries", zoom),
        yLabel: "\(metric) of best-signal architecture",
        series: series(task, task.curves, .bestSignal, settings: settings, regret: false),
        references: references(task.task, ceiling: true), yZoomFrom: zoom))
    let logRegret = settings.logRegret
    plots.append(
      LinePlot(
        id: "t\(index)-regret", title: "\(name): regret of report_of_best_signal" + (logRegret ? " (log scale)" : ""),
        xLabel: "queries", yLabel: "optimum − \(metric)",
        series: series(task, task.curves, .bestSignal, settings: settings, regret: true), yLogarithmic: logRegret,
        references: regretReferences(task.task)))
    plots.append(
      LinePlot(
        id: "t\(index)-oracle", title: "\(name): oracle_max (\(bandName))", xLabel: zoomNote("queries", zoom),
        yLabel: "best \(metric) seen",
        series: series(task, task.curves, .oracleMax, settings: settings, regret: false),
        references: references(task.task, ceiling: false), yZoomFrom: zoom))
    plots += trialView(task, index: index, settings: settings, zoom: zoom)
    if !task.secondsGrid.isEmpty {
      let secondsZoom = task.secondsGrid[task.secondsGrid.count / 10]
      plots.append(
        LinePlot(
          id: "t\(index)-seconds", title: "\(name): report_of_best_signal over simulated time (\(bandName))",
          xLabel: "simulated seconds (log scale); drawn once every trial of a method has a first result",
          yLabel: "\(metric) of best-signal architecture",
          series: series(task, task.secondsCurves, .bestSignal, settings: settings, regret: false, everyTrial: true),
          xLogarithmic: true, references: references(task.task, ceiling: true), yZoomFrom: secondsZoom))
    }
    if task.methods.count > 1 {
      let count = Double(task.methods.count)
      plots.append(
        LinePlot(
          id: "t\(index)-rank", title: "\(name): average rank (1 = best)", xLabel: "queries",
          yLabel: "mean rank over trials",
          series: task.methods.enumerated().map { style, method in
            Series(
              name: method, style: style,
              points: task.ranks.filter { $0.method == method }.map { (Double($0.query), $0.meanRank) })
          },
          yScale: AxisScale(lower: 1, upper: count, ticks: (1...task.methods.count).map(Double.init)), yReversed: true))
    }
    if !task.recommendations.isEmpty {
      plots.append(
        LinePlot(
          id: "t\(index)-recommended", title: "\(name): oracle_max + top-1 recommendation", xLabel: zoomNote("queries", zoom),
          yLabel: "best \(metric) seen or recommended",
          series: series(task, task.recommendations, .recommended, settings: settings, regret: false),
          references: references(task.task, ceiling: false), yZoomFrom: zoom))
    }
    return plots
  }

  /// Accuracy axes start where the curves differ: from a tenth of the queries on (the first
  /// queries of every method sit far below and would squash the rest); `nil` for short runs.
  static func zoomStart(_ task: TaskAnalysis) -> Double? {
    let start = (Double(task.queryCount) / 10).rounded(.up)
    return start >= 2 ? start : nil
  }

  private static func zoomNote(_ label: String, _ zoom: Double?) -> String {
    guard let zoom else { return label }
    return label + " (y axis fitted to queries ≥ \(Int(zoom)); earlier values may lie below it)"
  }

  /// The optimum, the top-1 % threshold and (for `report_of_best_signal`) the
  /// test-of-best-signal ceiling, one line where two coincide.
  static func references(_ task: TaskRecord, ceiling: Bool) -> [Reference] {
    let optimum = task.optimumReport
    var lines: [Reference] = []
    if ceiling, let best = task.bestSignalReport, abs(best - optimum) > 1e-9 {
      lines.append(Reference(value: optimum, label: "optimum " + NumberFormat.fixed(optimum, 2)))
      lines.append(Reference(value: best, label: "test-of-best-signal ceiling " + NumberFormat.fixed(best, 2)))
    } else if ceiling, task.bestSignalReport != nil {
      lines.append(Reference(value: optimum, label: "optimum = test-of-best-signal ceiling " + NumberFormat.fixed(optimum, 2)))
    } else {
      lines.append(Reference(value: optimum, label: "optimum " + NumberFormat.fixed(optimum, 2)))
    }
    if task.topPercentReport < optimum {
      lines.append(Reference(value: task.topPercentReport, label: "top 1 % " + NumberFormat.fixed(task.topPercentReport, 2)))
    }
    return lines
  }

  /// The top-1 % threshold and the ceiling as regrets (only positive ones: the optimum is 0).
  private static func regretReferences(_ task: TaskRecord) -> [Reference] {
    let optimum = task.optimumReport
    var lines: [Reference] = []
    let top = optimum - task.topPercentReport
    if top > 0 { lines.append(Reference(value: top, label: "top 1 % " + NumberFormat.fixed(top, 2))) }
    if let best = task.bestSignalReport, optimum - best > 1e-9 {
      lines.append(Reference(value: optimum - best, label: "test-of-best-signal ceiling " + NumberFormat.fixed(optimum - best, 2)))
    }
    return lines
  }

  /// The per-trial view the settings ask for: one plot per method with every trial (`lines`),
  /// or one plot of medians with interquartile bands (`quartiles`).
  private static func trialView(_ task: TaskAnalysis, index: Int, settings: ReportSettingsView, zoom: Double?) -> [LinePlot] {
    let name = task.task.name
    let metric = task.task.reportColumn
    switch settings.trialView {
    case .none:
      return []
    case .quartiles:
      let lines = task.methods.enumerated().compactMap { style, method -> Series? in
        let mine = task.curves.filter { $0.method == method && $0.curve == .bestSignal && $0.value.count > 0 }
        guard !mine.isEmpty else { return nil }
        return Series(
          name: method, style: style, points: mine.map { ($0.x, $0.value.median) },
          band: mine.map { ($0.x, $0.value.q25, $0.value.q75) })
      }
      return [
        LinePlot(
          id: "t\(index)-quartiles", title: "\(name): report_of_best_signal, median and interquartile range",
          xLabel: zoomNote("queries", zoom), yLabel: "\(metric) of best-signal architecture", series: lines,
          references: references(task.task, ceiling: true), yZoomFrom: zoom)
      ]
    case .lines:
      return task.methods.enumerated().map { style, method in
        let curves = task.trialCurves.filter { $0.cell.method == method && $0.queries > 0 }
        var lines = curves.map { curve in
          Series(
            name: "trial \(curve.cell.trial)", style: style,
            points: curve.bestSignal.enumerated().map { (Double($0.offset + 1), $0.element) }, faint: true)
        }
        let mean = task.curves.filter { $0.method == method && $0.curve == .bestSignal && $0.value.count > 0 }
        lines.append(Series(name: method + " (mean)", style: style, points: mean.map { ($0.x, $0.value.mean) }))
        return LinePlot(
          id: "t\(index)-trials-\(style)", title: "\(name): \(method), report_of_best_signal of each of \(curves.count) trials",
          xLabel: zoomNote("queries", zoom), yLabel: "\(metric) of best-signal architecture", series: lines,
          references: references(task.task, ceiling: true), yZoomFrom: zoom)
      }
    }
  }

  /// One series per method from curve points of one kind: the mean (or mean regret) with its band.
  ///
  /// With `everyTrial`, only points where all of the method's trials have a value are drawn, so
  /// the mean is over a fixed set of trials (on the seconds grid, trials start at different times).
  private static func series(
    _ task: TaskAnalysis, _ points: [CurvePoint], _ kind: CurveKind, settings: ReportSettingsView, regret: Bool,
    everyTrial: Bool = false
  ) -> [Series] {
    task.methods.enumerated().compactMap { style, method in
      let started = task.trials.filter { $0.cell.method == method && $0.queries > 0 }.count
      let mine = points.filter { point in
        point.method == method && point.curve == kind && point.value.count > 0
          && (!everyTrial || point.value.count == started)
      }
      guard !mine.isEmpty else { return nil }
      let summaries = mine.map { (x: $0.x, summary: regret ? $0.regret : $0.value) }
      return Series(
        name: method, style: style, points: summaries.map { ($0.x, $0.summary.mean) },
        band: summaries.map { x, summary in
          let half = summary.bandHalfWidth(stderrBand: settings.stderrBand)
          let width = half.isFinite ? half : 0
          return (x, summary.mean - width, summary.mean + width)
        })
    }
  }
}

/// The report settings that shape the plots.
struct ReportSettingsView {
  /// Bands show the standard error (otherwise the standard deviation).
  var stderrBand: Bool
  /// Regret plots use a log y axis.
  var logRegret: Bool
  /// The per-trial view.
  var trialView: ReportSettings.TrialView

  init(_ analysis: RunAnalysis) {
    stderrBand = analysis.settings.band == .stderr
    logRegret = analysis.settings.logRegret
    trialView = analysis.settings.trialView
  }
}
