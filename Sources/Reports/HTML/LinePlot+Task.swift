import Analysis

extension LinePlot {
  /// The plots of one task, in page order: `best_signal`, its regret, `oracle_max`, the seconds
  /// grid (when the task has costs), the average rank (with two or more methods) and the
  /// recommendations (when there are some).
  static func plots(for task: TaskAnalysis, index: Int, settings: ReportSettingsView) -> [LinePlot] {
    let name = task.task.name
    let metric = task.task.reportColumn
    let bandName = settings.stderrBand ? "mean ± s.e." : "mean ± s.d."
    var plots: [LinePlot] = []
    plots.append(
      LinePlot(
        id: "t\(index)-best", title: "\(name): best_signal (\(bandName))", xLabel: "queries",
        yLabel: "\(metric) of best-signal architecture",
        series: series(task, task.curves, .bestSignal, settings: settings, regret: false)))
    let logRegret = settings.logRegret
    plots.append(
      LinePlot(
        id: "t\(index)-regret", title: "\(name): regret of best_signal" + (logRegret ? " (log scale)" : ""),
        xLabel: "queries", yLabel: "optimum − \(metric)",
        series: series(task, task.curves, .bestSignal, settings: settings, regret: true), yLogarithmic: logRegret))
    plots.append(
      LinePlot(
        id: "t\(index)-oracle", title: "\(name): oracle_max (\(bandName))", xLabel: "queries",
        yLabel: "best \(metric) seen",
        series: series(task, task.curves, .oracleMax, settings: settings, regret: false)))
    if !task.secondsGrid.isEmpty {
      plots.append(
        LinePlot(
          id: "t\(index)-seconds", title: "\(name): best_signal over simulated time (\(bandName))",
          xLabel: "simulated seconds (log scale); drawn once every trial of a method has a first result",
          yLabel: "\(metric) of best-signal architecture",
          series: series(task, task.secondsCurves, .bestSignal, settings: settings, regret: false, everyTrial: true),
          xLogarithmic: true))
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
          id: "t\(index)-recommended", title: "\(name): oracle_max + top-1 recommendation", xLabel: "queries",
          yLabel: "best \(metric) seen or recommended",
          series: series(task, task.recommendations, .recommended, settings: settings, regret: false)))
    }
    return plots
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

  init(_ analysis: RunAnalysis) {
    stderrBand = analysis.settings.band == .stderr
    logRegret = analysis.settings.logRegret
  }
}
