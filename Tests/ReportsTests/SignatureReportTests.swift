import Analysis
import Reports
import Results
import Testing

/// The architecture-signature and training-loss sections: present for a method that reported
/// token counts and loss curves, absent for the others and for tasks without a signature.
@Suite struct SignatureReportTests {
  /// Two positions, vertex 1 (conv, pool) and edge 0->1 (no, yes), on `synthetic-a`.
  static let reference = TokenSignature(
    positions: [
      .init(name: "vertex 1", role: .operation, tokens: ["conv", "pool"]),
      .init(name: "edge 0->1", role: .connection, tokens: ["no", "yes"]),
    ],
    domainCount: 2000, domainCounts: [[1000, 1000], [1500, 500]], topCount: 20, topCounts: [[18, 2], [5, 15]])

  /// `weak-predictor` generated two rounds on two trials, the second trial with losses.
  static func records(signature: TokenSignature? = reference) -> RunRecords {
    var records = SyntheticRun.records(tasks: [("synthetic-a", 2, 20, false, nil)], recommendations: false)
    records.tasks[0].signature = signature
    records.generations = (0..<2).flatMap { trial in
      (0..<2).map { batch in
        GenerationRecord(
          task: "synthetic-a", method: "weak-predictor", trial: trial, batch: batch, afterQuery: batch * 10, generated: 10,
          valid: 10, unique: 9, novel: 8, inDomain: 7, tokenCounts: batch == 0 ? [[5, 5], [8, 2]] : [[9, 1], [2, 8]],
          lossCurves: trial == 1 ? [.init(name: "discriminator", values: [1.25, 0.5 + Double(batch)])] : [])
      }
    }
    return records
  }

  static func files(_ records: RunRecords) -> [String: String] {
    Dictionary(uniqueKeysWithValues: ReportWriter.contents(of: RunAnalysis(records: records)).map { ($0.name, $0.text) })
  }

  @Test func summaryShowsTheTopTokensTheDistancesPerRoundAndTheLosses() throws {
    let summary = try #require(Self.files(Self.records())["summary.md"])
    #expect(summary.contains("### Architecture signatures: weak-predictor"))
    // vertex 1: top token conv (0.9), generated 14 / 20 = 0.7, domain 0.5; the edge: yes (0.75), 10 / 20, 0.25.
    #expect(summary.contains("| vertex 1 | operation | conv | 0.900 | 0.700 | 0.500 |"))
    #expect(summary.contains("| edge 0->1 | edge | yes | 0.750 | 0.500 | 0.250 |"))
    // Round 0: TV to top (0.4 + 0.55) / 2, to domain (0 + 0.05) / 2; round 1: (0 + 0.05) / 2 and (0.4 + 0.55) / 2.
    #expect(summary.contains("| 0 | 2 | 20 | 0.475 | 0.025 |"))
    #expect(summary.contains("| 1 | 2 | 20 | 0.025 | 0.475 |"))
    // All rounds: shares 0.7 / 0.3 and 0.5 / 0.5.
    #expect(summary.contains("| all | 2 | 40 | 0.225 | 0.225 |"))
    #expect(summary.contains("TV(top 1 %, domain) = 0.450"))
    #expect(summary.contains("### Training losses"))
    #expect(summary.contains("| weak-predictor | 1 | discriminator | 1 | 2 | 1.250 | 1.500 |"))
    #expect(!summary.contains("### Architecture signatures: random-search"))
  }

  @Test func csvHasOneRowPerRoundPositionAndToken() throws {
    let csv = try #require(Self.files(Self.records())["signatures.csv"])
    let lines = csv.split(separator: "\n").map(String.init)
    #expect(lines.first == "task,method,round,position,kind,token,generated,top_1_percent,domain")
    // Rounds 0, 1 and all, times 4 tokens.
    #expect(lines.count == 1 + 3 * 4)
    #expect(lines.contains("synthetic-a,weak-predictor,all,edge 0->1,edge,yes,0.5,0.75,0.25"))
    #expect(lines.contains("synthetic-a,weak-predictor,0,vertex 1,operation,conv,0.5,0.9,0.5"))
  }

  @Test func htmlDrawsThreeHeatMapPanelsWithTokenNamesAndTheDistancePlot() throws {
    let html = try #require(Self.files(Self.records())["report.html"])
    #expect(html.contains("<h3>Architecture signatures: weak-predictor</h3>"))
    #expect(html.components(separatedBy: "class=\"heatmap\"").count == 2)
    for heading in ["generated (40 cells)", "top 1 % (20)", "whole domain (2000)"] { #expect(html.contains(heading)) }
    for token in ["conv", "pool", "no", "yes"] { #expect(html.contains(">\(token)</text>")) }
    // Columns conv, pool, no, yes: each row of each panel has two tokens its position cannot hold.
    #expect(html.components(separatedBy: "class=\"absent\"").count - 1 == 3 * 4)
    #expect(html.contains("linearGradient id=\"t0-signature0-scale\""))
    #expect(html.contains("signature distance per round"))
    #expect(html.contains("training losses (mean over trials)"))
    #expect(!html.contains("<script"))
  }

  @Test func noSectionsWithoutASignatureOrWithoutCurves() throws {
    let files = Self.files(Self.records(signature: nil))
    #expect(files["signatures.csv"] == nil)
    let summary = try #require(files["summary.md"])
    #expect(!summary.contains("Architecture signatures") && summary.contains("### Training losses"))
    var records = Self.records()
    records.generations = records.generations.map { line in
      var line = line
      line.lossCurves = []
      return line
    }
    let plain = Self.files(records)
    #expect(plain["signatures.csv"] != nil && !(plain["summary.md"] ?? "").contains("Training losses"))
    #expect(!(plain["report.html"] ?? "").contains("Training losses"))
  }
}
