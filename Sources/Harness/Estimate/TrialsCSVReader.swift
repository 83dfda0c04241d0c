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
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard !lines.isEmpty else { throw EstimateError.unreadableTrials(path: path, line: 1, detail: "no header line") }
    let header = fields(of: lines.removeFirst())
    var column: [String: Int] = [:]
    for name in requiredColumns {
      guard let index = header.firstIndex(of: name) else {
        throw EstimateError.unreadableTrials(path: path, line: 1, detail: "no column '\(name)' (expected \(requiredColumns.joined(separator: ", ")))")
      }
      column[name] = index
    }
    return try lines.enumerated().map { offset, line in
      let row = fields(of: line)
      let lineNumber = offset + 2
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

  /// The fields of one CSV line: comma separated, a field in double quotes may hold commas and
  /// doubled quotes.
  static func fields(of line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if quoted {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex, line[next] == "\"" {
            current.append("\"")
            index = next
          } else {
            quoted = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      index = line.index(after: index)
    }
    fields.append(current)
    return fields
  }
}
