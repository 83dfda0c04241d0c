import Analysis
import Reports
import Results
import Testing

/// A method rebuilt from a paper's text alone is marked as such in every report that shows it.
@Suite struct ReconstructionNoteTests {
  static let note = "a reconstruction of X from its abstract alone; choices in docs/methods/x.md"

  @Test func summaryPageAndFactsMarkTheReconstruction() throws {
    var records = SyntheticRun.records()
    let label = try #require(records.methods.first)
    records.manifest.reconstructions = [label: Self.note]
    let files = Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: records)).map { ($0.name, $0.text) })
    let summary = try #require(files["summary.md"])
    #expect(summary.contains("> **RECONSTRUCTION:** `\(label)` is \(Self.note)."))
    #expect(summary.contains("\(label) (reconstruction)"))
    let page = try #require(files["report.html"])
    #expect(page.contains("<strong>RECONSTRUCTION:</strong> <code>\(label)</code>"))
    // Other methods are not marked.
    for other in records.methods.dropFirst() { #expect(!summary.contains("\(other) (reconstruction)")) }
  }

  @Test func runsWithoutReconstructionsSayNothing() {
    let files = ReportWriter.contents(of: RunAnalysis(records: SyntheticRun.records()))
    #expect(files.allSatisfy { !$0.text.contains("RECONSTRUCTION") && !$0.text.contains("(reconstruction)") })
  }
}
