import Analysis
internal import Foundation

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
  /// recommendations), `generations.csv` (only when a method reported generations), `signatures.csv` (only when
  /// a method reported token counts on a task whose record has a signature), `cross_task.csv`
  /// (only when two or more methods share every task), `summary.md`
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
  /// Every file is first written in full to a temporary name in the folder
  /// (`.<name>.tmp-<pid>`), and only when all of them are written are they renamed over the
  /// old files, one `rename` each; a failure before that removes the temporary files and
  /// leaves every old file as it was.
  ///
  /// - Throws: `ReportError` when the folder or a file cannot be written.
  static func write(_ files: [(name: String, text: String)], to directory: String) throws -> [String] {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportError.cannotCreateDirectory(path: directory, reason: error.localizedDescription)
    }
    let suffix = ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    var staged: [(temporary: URL, final: URL)] = []
    do {
      for (name, text) in files {
        let final = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent("." + name + suffix)
        do {
          try Data(text.utf8).write(to: temporary)
        } catch {
          throw ReportError.cannotWrite(path: final.path, reason: error.localizedDescription)
        }
        staged.append((temporary, final))
      }
    } catch {
      for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
      throw error
    }
    for (index, file) in staged.enumerated() {
      guard rename(file.temporary.path, file.final.path) == 0 else {
        let reason = String(cString: strerror(errno))
        for later in staged[index...] { try? FileManager.default.removeItem(at: later.temporary) }
        throw ReportError.cannotWrite(path: file.final.path, reason: reason)
      }
    }
    return files.map(\.name)
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
    if let signatures = CSVTable.signatures(analysis) { tables.append(signatures) }
    if let crossTask = analysis.crossTask { tables.append(CrossTaskText.csv(crossTask)) }
    return tables.map { ($0.name, $0.text) } + [
      ("summary.md", SummaryMarkdown.text(analysis)), ("report.html", HTMLReport.text(analysis)),
    ]
  }
}
