import Analysis
import Foundation
import Results
import Testing

@testable import Reports

/// The parts of the report one decides from: zoomed axes with reference lines, the per-trial
/// view and the cross-task summary.
@Suite struct DecisionReportTests {
  static func analysis(trialView: ReportSettings.TrialView = .none) -> RunAnalysis {
    var records = SyntheticRun.records(recommendations: false)
    records.manifest.report.trialView = trialView
    return RunAnalysis(records: records)
  }

  @Test func accuracyPlotsAreZoomedAndCarryTheThreeLines() throws {
    let analysis = Self.analysis()
    let task = try #require(analysis.tasks.first)
    let plots = LinePlot.plots(for: task, index: 0, settings: ReportSettingsView(analysis))
    let best = try #require(plots.first { $0.id == "t0-best" })
    #expect(best.yZoomFrom == 10, "100 queries: fitted from query 10")
    // The synthetic task's best-signal architecture is not the optimum's, so three lines.
    let labels = best.references.map(\.label)
    #expect(labels.contains { $0.hasPrefix("optimum ") } && labels.contains { $0.hasPrefix("top 1 % ") })
    #expect(labels.contains { $0.hasPrefix("test-of-best-signal ceiling ") } == (task.task.bestSignalReport != nil))
    // The first queries sit far below the zoomed axis: the lower end is above the mean at query 1.
    let svg = best.svg
    #expect(svg.contains("class=\"reference\""))
    let firstMean = try #require(task.curves.first { $0.curve == .bestSignal && $0.query == 1 }).value.mean
    let laterMeans = task.curves.filter { $0.curve == .bestSignal && $0.query >= 10 }.map(\.value.mean)
    #expect(firstMean < (laterMeans.min() ?? 0), "the zoom cuts off the first queries")
  }

  @Test func referencesMergeWhenTheCeilingIsTheOptimum() {
    var task = SyntheticRun.task("t", costs: false, caveat: nil)
    task.bestSignalReport = task.optimumReport
    let labels = LinePlot.references(task, ceiling: true).map(\.label)
    #expect(labels.count == 2 && labels[0].hasPrefix("optimum = test-of-best-signal ceiling"))
    task.bestSignalReport = task.optimumReport - 0.5
    #expect(LinePlot.references(task, ceiling: true).count == 3)
    #expect(LinePlot.references(task, ceiling: false).count == 2)
  }

  @Test func trialViewLinesDrawEveryTrialOfEveryMethod() throws {
    let analysis = Self.analysis(trialView: .lines)
    let task = try #require(analysis.tasks.first)
    let plots = LinePlot.plots(for: task, index: 0, settings: ReportSettingsView(analysis))
    let perTrial = plots.filter { $0.id.hasPrefix("t0-trials-") }
    #expect(perTrial.count == task.methods.count)
    for (plot, method) in zip(perTrial, task.methods) {
      let trials = task.trialCurves.filter { $0.cell.method == method && $0.queries > 0 }.count
      #expect(plot.series.filter(\.faint).count == trials)
      #expect(plot.svg.components(separatedBy: "stroke-opacity=\"0.28\"").count - 1 == trials)
    }
    #expect(!LinePlot.plots(for: task, index: 0, settings: ReportSettingsView(Self.analysis())).contains { $0.id.contains("trials") })
  }

  @Test func trialViewQuartilesDrawMediansWithTheirQuartiles() throws {
    let analysis = Self.analysis(trialView: .quartiles)
    let task = try #require(analysis.tasks.first)
    let plot = try #require(LinePlot.plots(for: task, index: 0, settings: ReportSettingsView(analysis)).first { $0.id == "t0-quartiles" })
    let series = try #require(plot.series.first)
    let point = try #require(task.curves.first { $0.method == series.name && $0.curve == .bestSignal && $0.query == 50 })
    let drawn = try #require(series.points.first { $0.x == 50 })
    let band = try #require(series.band.first { $0.x == 50 })
    #expect(drawn.y == point.value.median && band.low == point.value.q25 && band.high == point.value.q75)
  }

  @Test func crossTaskSummaryInEveryOutput() throws {
    let analysis = Self.analysis()
    let summary = try #require(analysis.crossTask)
    #expect(summary.rows.count == 3 && summary.tasks.count == 2)
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: analysis).map { ($0.name, $0.text) })
    let csv = try #require(files["cross_task.csv"]).split(separator: "\n")
    #expect(csv.count == 4 && csv[0].hasPrefix("method,average_rank,rank_ci_lower"))
    #expect(files["summary.md"]?.contains("## Across tasks") == true)
    #expect(files["summary.md"]?.contains("Nemenyi critical difference") == true)
    let html = try #require(files["report.html"])
    #expect(html.contains("critical difference diagram") && html.contains("CD = "))
    // The synthetic methods shrink their windows at different speeds: the ranks follow.
    #expect(summary.rows.map(\.method) == ["random-search", "regularized-evolution", "weak-predictor"])
    #expect(summary.rows[0].averageRank > summary.rows[2].averageRank)
  }

  @Test func manifestsWithoutATrialViewStillDecode() throws {
    let settings = ReportSettings()
    let encoded = try JSONEncoder().encode(settings)
    #expect(String(decoding: encoded, as: UTF8.self).contains("trialView") == false, "the default is not written")
    let decoded = try JSONDecoder().decode(ReportSettings.self, from: encoded)
    #expect(decoded == settings && decoded.trialView == .none)
    var lines = settings
    lines.trialView = .lines
    #expect(try JSONDecoder().decode(ReportSettings.self, from: JSONEncoder().encode(lines)).trialView == .lines)
  }
}
