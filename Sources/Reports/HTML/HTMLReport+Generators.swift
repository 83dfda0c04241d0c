import Analysis

extension HTMLReport {
  /// A task's architecture signatures (heat-map, distance per round, tables) and training
  /// losses (table, one plot per method), for the methods that reported them; empty otherwise.
  static func generatorSection(
    _ task: TaskAnalysis, index: Int, signatures: [GeneratedSignature], losses: [LossCurveRound]
  ) -> String {
    var out = ""
    for (offset, signature) in signatures.enumerated() {
      out += "<h3>Architecture signatures: \(HTMLText.escaped(signature.method))</h3>\n"
      out += "<div class=\"scroll\">\n" + SignatureHeatMap(signature, id: "t\(index)-signature\(offset)").svg + "</div>\n"
      out += "<div class=\"plots\">\n" + LinePlot.signatureDistances(signature, id: "t\(index)-distance\(offset)").svg + "</div>\n"
      out += SummaryTable.signatureRounds(signature).html
      out += "<details><summary>Most frequent top-1 % token per position</summary>\n"
      out += SummaryTable.signature(signature).html + "</details>\n"
      out += "<p class=\"note\">\(HTMLText.withCode(TaskFacts.signatureNote(signature, task: task.task)))</p>\n"
    }
    if let table = SummaryTable.losses(losses) {
      out += "<h3>Training losses</h3>\n<div class=\"plots\">\n"
      var methods: [String] = []
      for round in losses where !methods.contains(round.method) { methods.append(round.method) }
      for (offset, method) in methods.enumerated() {
        if let plot = LinePlot.losses(losses, task: task.task.name, method: method, id: "t\(index)-losses\(offset)") { out += plot.svg }
      }
      out += "</div>\n" + table.html + "<p class=\"note\">\(HTMLText.withCode(TaskFacts.lossNote))</p>\n"
    }
    return out
  }
}
