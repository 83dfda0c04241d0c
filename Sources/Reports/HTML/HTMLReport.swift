import Analysis

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, fonts or links)
/// with the run's facts and, per task, its caveat, plots and tables.
enum HTMLReport {
  /// The page's text.
  static func text(_ analysis: RunAnalysis) -> String {
    let title = "NASArena run: " + analysis.manifest.suiteName
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(HTMLText.escaped(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
    out += "<h1>\(HTMLText.escaped(title))</h1>\n"
    for (label, note) in (analysis.manifest.reconstructions ?? [:]).sorted(by: { $0.key < $1.key }) {
      out += "<p class=\"caveat\"><strong>RECONSTRUCTION:</strong> <code>\(HTMLText.escaped(label))</code> is \(HTMLText.escaped(note)).</p>\n"
    }
    if !analysis.tasksWithoutRecord.isEmpty {
      out += "<p class=\"caveat\">Tasks in the log without a task record, not analysed: "
      out += HTMLText.escaped(analysis.tasksWithoutRecord.joined(separator: ", ")) + "</p>\n"
    }
    out += "<details open><summary>Run facts</summary>\n" + SummaryTable.manifest(analysis).html + "</details>\n"
    if let pretraining = SummaryTable.pretraining(analysis) {
      out += "<details open><summary>Pretraining</summary>\n" + pretraining.html
      out += "<p class=\"note\">\(HTMLText.escaped(SummaryTable.pretrainingNote))</p></details>\n"
    }
    if let crossTask = analysis.crossTask {
      out += "<section>\n<h2>Across tasks</h2>\n"
      out += CriticalDifferenceDiagram(summary: crossTask).svg
      out += CrossTaskText.table(crossTask).html
      out += "<p class=\"note\">\(HTMLText.withCode(CrossTaskText.note(crossTask)))</p>\n</section>\n"
    }
    let settings = ReportSettingsView(analysis)
    for (index, task) in analysis.tasks.enumerated() {
      let name = task.task.name
      let generations = analysis.generationRounds.filter { $0.task == name }
      out += section(task, index: index, settings: settings, generations: generations)
      out += generatorSection(
        task, index: index, signatures: analysis.signatures.filter { $0.task == name },
        losses: analysis.lossRounds.filter { $0.task == name })
      out += "</section>\n"
    }
    return out + "</body>\n</html>\n"
  }

  private static func section(
    _ task: TaskAnalysis, index: Int, settings: ReportSettingsView, generations: [GenerationRound]
  ) -> String {
    var out = "<section>\n<h2>\(HTMLText.escaped(task.task.name))</h2>\n"
    if let caveat = task.task.caveat {
      out += "<p class=\"caveat\">⚠ CAVEAT: \(HTMLText.escaped(caveat))</p>\n"
    }
    out += "<p>\(HTMLText.withCode(TaskFacts.line(task)))</p>\n"
    guard task.queryCount > 0 else { return out + "<p>No queries were recorded for this task.</p>\n" }
    out += "<div class=\"plots\">\n"
    for plot in LinePlot.plots(for: task, index: index, settings: settings) { out += plot.svg }
    out += "</div>\n<h3>Results</h3>\n" + SummaryTable.results(task).html
    out += "<p class=\"note\">\(HTMLText.withCode(TaskFacts.resultsNote(task)))</p>\n"
    if let checkpoint = task.checkpoints.last, task.methods.count > 1 {
      out += "<h3>Wilcoxon signed-rank tests at \(checkpoint) queries</h3>\n"
      out += SummaryTable.wilcoxon(task, at: checkpoint).html
      out += "<p class=\"note\">\(HTMLText.withCode(TaskFacts.wilcoxonNote))</p>\n"
    }
    out += "<h3>Proposals</h3>\n" + SummaryTable.proposals(task).html
    let failures = TaskFacts.failures(task)
    if !failures.isEmpty {
      out += "<ul class=\"failures\">" + failures.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>\n"
    }
    if let recommendations = SummaryTable.recommendations(task) {
      out += "<h3>Recommendations (oracle_max + top-1)</h3>\n" + recommendations.html
    }
    if let generated = SummaryTable.generations(generations) {
      out += "<h3>Generated cells per round</h3>\n" + generated.html
      out += "<p class=\"note\">\(HTMLText.withCode(TaskFacts.generationNote))</p>\n"
    }
    return out
  }

  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a;
      max-width: 1680px; margin: 0 auto; padding: 16px 24px; line-height: 1.4; }
    h1 { font-size: 26px; margin: 8px 0 12px; }
    h2 { font-size: 22px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 36px; }
    h3 { font-size: 17px; margin: 20px 0 6px; }
    summary { font-weight: 600; cursor: pointer; margin-bottom: 6px; }
    table { border-collapse: collapse; font-size: 14px; margin: 4px 0 8px; }
    th, td { border: 1px solid #d0d0d0; padding: 4px 9px; text-align: right; white-space: nowrap; }
    th { background: #f2f4f7; white-space: normal; max-width: 130px; vertical-align: bottom; }
    th.text, td.text { text-align: left; }
    code { font-size: 0.92em; background: #f2f4f7; padding: 0 3px; border-radius: 3px; }
    .scroll { overflow-x: auto; }
    .note { color: #555; font-size: 13px; max-width: 1100px; }
    .caveat { background: #fff1e6; border-left: 8px solid #D55E00; padding: 10px 14px; font-weight: 700;
      font-size: 16px; color: #8a2c00; }
    .failures { color: #8a2c00; font-size: 14px; }
    .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(640px, 1fr)); gap: 12px; }
    svg.plot { width: 100%; height: auto; background: #fff; border: 1px solid #e4e4e4; }
    svg.plot text { font-size: 13px; fill: #1a1a1a; dominant-baseline: middle; }
    svg.plot .title { font-size: 15px; font-weight: 700; text-anchor: middle; }
    svg.plot .xtick { text-anchor: middle; }
    svg.plot .ytick { text-anchor: end; }
    svg.plot .xlabel, svg.plot .ylabel { font-size: 14px; text-anchor: middle; }
    svg.plot .grid { stroke: #e6e6e6; stroke-width: 1; }
    svg.plot .frame { fill: none; stroke: #444; stroke-width: 1; }
    svg.cddiagram { max-width: 900px; display: block; }
    svg.plot .cd { stroke: #1a1a1a; stroke-width: 2; }
    svg.plot .cdlabel { font-size: 13px; }
    svg.plot .axis { stroke: #1a1a1a; stroke-width: 1.2; }
    svg.plot .tick { text-anchor: middle; }
    svg.plot .clique { stroke: #1a1a1a; stroke-width: 4; stroke-linecap: round; }
    svg.plot line.reference { stroke: #555; stroke-width: 1.2; stroke-dasharray: 6 4; }
    svg.plot text.reference { font-size: 12px; fill: #333; text-anchor: end; }
    svg.heatmap { max-width: 100%; height: auto; background: #fff; border: 1px solid #e4e4e4; }
    svg.heatmap text { font-size: 12px; fill: #1a1a1a; dominant-baseline: middle; }
    svg.heatmap .title { font-size: 15px; font-weight: 700; text-anchor: middle; }
    svg.heatmap .heading { font-size: 14px; font-weight: 600; text-anchor: middle; }
    svg.heatmap .row { text-anchor: end; }
    svg.heatmap .token { text-anchor: start; }
    svg.heatmap .value { font-size: 11px; text-anchor: middle; }
    svg.heatmap .value.dark { fill: #ffffff; }
    svg.heatmap .tick { font-size: 11px; text-anchor: middle; }
    svg.heatmap .absent { fill: #ececec; stroke: #fff; stroke-width: 1; }
    svg.heatmap .cell { stroke: #fff; stroke-width: 1; }

    """
}
