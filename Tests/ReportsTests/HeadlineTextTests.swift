import Analysis
import Reports
import Results
import Testing

/// The headline `nasarena run` prints at the end.
@Suite struct HeadlineTextTests {
  @Test func eachTaskListsItsMethodsBestFirstWithTheirFinishedTrials() throws {
    let analysis = RunAnalysis(records: SyntheticRun.records())
    let text = HeadlineText.text(analysis)
    let blocks = text.components(separatedBy: "\n").filter { !$0.isEmpty }
    // Two tasks, a header and three method lines each.
    #expect(blocks.count == 8)
    let first = try #require(analysis.tasks.first)
    let means = first.methods.map { method -> (String, Double) in
      let values = first.trials.filter { $0.cell.method == method && ($0.status == "completed" || $0.status == "exhausted") }
        .map(\.finalBestSignal)
      return (method, values.reduce(0, +) / Double(values.count))
    }.sorted { $0.1 > $1.1 }
    let lines = Array(blocks[1...3])
    for (line, (method, mean)) in zip(lines, means) {
      #expect(line.hasPrefix("  \(method)"), "\(line)")
      #expect(line.contains(String(format: "%.2f ±", mean)), "\(line) vs \(mean)")
    }
    // One trial of regularized-evolution failed in the synthetic run: it is counted apart.
    #expect(text.contains("(29 trials, 1 failed)"))
    #expect(blocks[0].hasPrefix("synthetic-a: final report_of_best_signal") && blocks[0].contains("optimum 94.00"))
  }
}
