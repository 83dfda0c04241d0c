import Foundation
import Results

/// Reads the trial records' timing columns from a run folder's `trials.csv`, for run folders
/// kept without their log (the committed reference runs).
enum TrialsCSVReader {
  /// The columns a timing needs.
  static let requiredColumns = ["task", "method", "trial", "status", "method_seconds"]

  /// (task, method, trial, status, method seconds) of every row of `path`.
  ///
  /// - Throws: `EstimateError.unreadableTrials` naming the file, the line and what is wrong.
  static func read(path: String) throws -> [TrialRecord] {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw EstimateError.unreadableTrials(path: path, line: 0, detail: "the file cannot be read as UTF-8 text")
    }
    // Numbered before blank lines are dropped, so an error names the file's own line.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { (number: $0.offset + 1, text: $0.element) }.filter { !$0.text.allSatisfy { $0 == "\r" } }
    guard !lines.isEmpty else { throw EstimateError.unreadableTrials(path: path, line: 1, detail: "no header line") }
    let first = lines.removeFirst()
    guard let header = CSVLine.fields(first.text) else {
      throw EstimateError.unreadableTrials(path: path, line: first.number, detail: "a quote is not closed")
    }
    var column: [String: Int] = [:]
    for name in requiredColumns {
      guard let index = header.firstIndex(of: name) else {
        let expected = requiredColumns.joined(separator: ", ")
        throw EstimateError.unreadableTrials(path: path, line: first.number, detail: "no column '\(name)' (expected \(expected))")
      }
      column[name] = index
    }
    return try lines.map { line in
      let lineNumber = line.number
      guard let row = CSVLine.fields(line.text) else {
        throw EstimateError.unreadableTrials(path: path, line: lineNumber, detail: "a quote is not closed")
      }
      func value(_ name: String) throws -> String {
        guard let index = column[name], index < row.count else {
          throw EstimateError.unreadableTrials(path: path, line: lineNumber, detail: "\(row.count) fields, fewer than the header's \(header.count)")
        }
        return row[index]
      }
      guard let trial = Int(try value("trial")) else {
        throw EstimateError.unreadableTrials(path: path, line: lineNumber, detail: "trial '\(try value("trial"))' is not an integer")
      }
      guard let status = TrialRecord.Status(rawValue: try value("status")) else {
        throw EstimateError.unreadableTrials(
          path: path, line: lineNumber, detail: "status '\(try value("status"))' is not completed, exhausted or failed")
      }
      guard let seconds = Double(try value("method_seconds")), seconds >= 0 else {
        throw EstimateError.unreadableTrials(
          path: path, line: lineNumber, detail: "method_seconds '\(try value("method_seconds"))' is not a non-negative number")
      }
      return TrialRecord(
        task: try value("task"), method: try value("method"), trial: trial, seed: 0, status: status, message: nil, queries: 0, cost: 0,
        proposals: 0, refused: 0, repeats: 0, repeatsInBatch: 0, batches: 0, methodSeconds: seconds)
    }
  }
}
