internal import Foundation
import Analysis

/// Writes a run's CSV tables, Markdown summary and HTML report into its folder.
///
/// The output depends only on the analysis (itself computed from the records), never on the
/// clock or the machine writing it, so `nasarena report` on a run folder rewrites identical
/// files. Existing files of the same names are replaced.
public enum ReportWriter {
  /// Writes every output of `analysis` into `directory`, creating it if needed.
  ///
  /// Files: `curves.csv`, `curves_seconds.csv`, `trials.csv`, `queries_to_optimum.csv`,
  /// `wilcoxon.csv`, `ranks.csv`, `bootstrap.csv`, `recommendations.csv` (only when the run has
  /// recommendations), `generations.csv` (only when a method reported generations), `summary.md`
  /// and `report.html`.
  /// - Parameters:
  ///   - analysis: the analysed run.
  ///   - directory: path of the run folder.
  /// - Returns: the names of the files written, in the order above.
  /// - Throws: `ReportError` when the folder or a file cannot be written.
  @discardableResult
  public static func write(_ analysis: RunAnalysis, to directory: String) throws -> [String] {
    try write(contents(of: analysis), to: directory)
  }

  /// Writes named texts into `directory`, creating it if needed; returns the names written.
  ///
  /// - Throws: `ReportError` when the folder or a file cannot be written.
  static func write(_ files: [(name: String, text: String)], to directory: String) throws -> [String] {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportError.cannotCreateDirectory(path: directory, reason: error.localizedDescription)
    }
    var written: [String] = []
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      do {
        try Data(text.utf8).write(to: url, options: .atomic)
      } catch {
        throw ReportError.cannotWrite(path: url.path, reason: error.localizedDescription)
      }
      written.append(name)
    }
    return written
  }

  /// Every output as (file name, text), in the documented order, without touching the disk.
  public static func contents(of analysis: RunAnalysis) -> [(name: String, text: String)] {
    var tables = [
      CSVTable.curves(analysis), CSVTable.secondsCurves(analysis), CSVTable.trials(analysis),
      CSVTable.queriesToOptimum(analysis), CSVTable.wilcoxon(analysis), CSVTable.ranks(analysis),
      CSVTable.bootstrap(analysis),
    ]
    if let recommendations = CSVTable.recommendations(analysis) { tables.append(recommendations) }
    if let generations = CSVTable.generations(analysis) { tables.append(generations) }
    return tables.map { ($0.name, $0.text) } + [
      ("summary.md", SummaryMarkdown.text(analysis)), ("report.html", HTMLReport.text(analysis)),
    ]
  }
}
