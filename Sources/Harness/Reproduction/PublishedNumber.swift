import Foundation

/// One published number from `baselines/published.csv`, with the convention it was measured
/// under and how sure we are of it.
public struct PublishedNumber: Sendable, Hashable {
  /// How the number picks its architecture.
  public enum Selection: String, Sendable, CaseIterable {
    /// The report metric of the architecture with the best search signal (the `report_of_best_signal` curve).
    case testOfBestSignal = "test-of-best-signal"
    /// The best report metric among the queried architectures (the `oracle_max` curve).
    case oracleMax = "oracle-max"
    /// The better of the queried architectures' and the predictor's top-1 (WeakNAS's notebook).
    case oracleMaxAndPredictedTopOne = "oracle-max-and-predicted-top-1"
    /// The best value of the whole table.
    case optimum
    /// Queries until the optimum was found.
    case queriesToOptimum = "queries-to-optimum"
  }

  /// What `spread` is.
  public enum SpreadKind: String, Sendable, CaseIterable {
    /// Standard deviation over trials.
    case std
    /// Standard error of the mean.
    case stderr
    /// No spread published.
    case none
  }

  /// How far the number has been checked.
  public enum Status: String, Sendable, CaseIterable {
    /// Checked against the paper's own table or the official files (or the shipped data).
    case verified
    /// Taken from a secondary source (a survey, a leaderboard mirror).
    case secondary
    /// Not checked.
    case unverified
  }

  /// The data a number needs.
  public enum DataRequirement: String, Sendable, CaseIterable {
    /// The tables NASArena ships.
    case shipped
    /// The full 423,624-cell NAS-Bench-101 table with 3-run means, which is not shipped.
    case nb101Full = "nb101-full"
  }

  /// The row's stable name, targeted by a suite's `reproduce:` block.
  public let id: String
  /// Where the number is printed (a table, a results file).
  public let source: String
  /// The paper or repository.
  public let reference: String
  /// The benchmark family, as task records name it (`nas-bench-201`).
  public let benchmark: String
  /// The data the number needs.
  public let data: DataRequirement
  /// The search signal's column, when the row has a search.
  public let signal: String?
  /// The report metric's column, when known.
  public let report: String?
  /// What the number is, in words.
  public let metric: String
  /// How the reported architecture is chosen.
  public let selection: Selection
  /// The budget: queries, simulated seconds, or none.
  public let budget: BudgetKind
  /// NASArena's name for the method, when the row is a method's result.
  public let method: String?
  /// Trials behind the number, when published.
  public let trials: Int?
  /// The published value (a mean over trials where there were trials).
  public let mean: Double
  /// Its published spread, of kind `spreadKind`.
  public let spread: Double?
  /// What `spread` is.
  public let spreadKind: SpreadKind
  /// The unit of `mean` (`percent`, `fraction`, `queries`).
  public let unit: String
  /// How far the number has been checked.
  public let status: Status
  /// Anything else a reader needs to know (empty when nothing).
  public let note: String

  /// A budget as a published row states it.
  public enum BudgetKind: Sendable, Hashable {
    /// No budget (a table optimum).
    case none
    /// Queries per trial.
    case queries(Int)
    /// Simulated training seconds per trial.
    case seconds(Double)
  }

  /// The published standard deviation over trials, when it can be had (a standard error
  /// times the square root of the trials).
  public var standardDeviation: Double? {
    guard let spread else { return nil }
    switch spreadKind {
    case .std: return spread
    case .stderr: return trials.map { spread * Double($0).squareRoot() }
    case .none: return nil
    }
  }
}

/// Reads `baselines/published.csv`.
public enum PublishedNumbers {
  /// The columns, in order.
  public static let columns = [
    "id", "source", "reference", "benchmark", "data", "task_signal", "task_report", "metric", "selection", "budget_kind",
    "budget_value", "method", "trials", "mean", "spread", "spread_kind", "unit", "status", "note",
  ]

  /// Every row of the file at `path`.
  ///
  /// - Throws: `PublishedNumbersError` naming the file, line and column of a bad value.
  public static func load(path: String) throws -> [PublishedNumber] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PublishedNumbersError(file: path, line: 0, column: nil, message: "cannot read the file")
    }
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Every row of CSV `text`; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws -> [PublishedNumber] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    if lines.last == "" { lines.removeLast() }
    guard let header = lines.first else { throw PublishedNumbersError(file: file, line: 1, column: nil, message: "an empty file") }
    let names = try fields(of: header, file: file, line: 1)
    guard names == columns else {
      throw PublishedNumbersError(file: file, line: 1, column: nil, message: "the header must be \(columns.joined(separator: ","))")
    }
    var rows: [PublishedNumber] = []
    var ids = Set<String>()
    for (offset, line) in lines.enumerated().dropFirst() {
      let number = offset + 1
      let values = try fields(of: line, file: file, line: number)
      guard values.count == columns.count else {
        throw PublishedNumbersError(file: file, line: number, column: nil, message: "\(values.count) fields; expected \(columns.count)")
      }
      let row = try Row(values: values, file: file, line: number).number()
      guard ids.insert(row.id).inserted else {
        throw PublishedNumbersError(file: file, line: number, column: "id", message: "the id '\(row.id)' is used twice")
      }
      rows.append(row)
    }
    return rows
  }

  /// The fields of one CSV line: commas separate, double quotes enclose (`""` is a quote).
  static func fields(of line: String, file: String, line number: Int) throws -> [String] {
    guard let fields = CSVLine.fields(line) else {
      throw PublishedNumbersError(file: file, line: number, column: nil, message: "a quote is not closed")
    }
    return fields
  }

  /// One line's fields by column name, with typed readers that name the column on error.
  private struct Row {
    let values: [String: String]
    let file: String
    let line: Int

    init(values: [String], file: String, line: Int) {
      self.values = Dictionary(uniqueKeysWithValues: zip(PublishedNumbers.columns, values))
      self.file = file
      self.line = line
    }

    func text(_ column: String, required: Bool = true) throws -> String? {
      let value = values[column, default: ""].trimmingCharacters(in: .whitespaces)
      if value.isEmpty {
        if required { throw PublishedNumbersError(file: file, line: line, column: column, message: "empty; a value is required") }
        return nil
      }
      return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ column: String, _: T.Type) throws -> T where T.RawValue == String {
      let value = try text(column) ?? ""
      guard let choice = T(rawValue: value) else {
        throw PublishedNumbersError(
          file: file, line: line, column: column, message: "'\(value)'; expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return choice
    }

    func number(_ column: String, required: Bool) throws -> Double? {
      guard let value = try text(column, required: required) else { return nil }
      guard let number = Double(value), number.isFinite else {
        throw PublishedNumbersError(file: file, line: line, column: column, message: "'\(value)' is not a number")
      }
      return number
    }

    func integer(_ column: String) throws -> Int? {
      guard let value = try text(column, required: false) else { return nil }
      guard let number = Int(value), number > 0 else {
        throw PublishedNumbersError(file: file, line: line, column: column, message: "'\(value)' is not a positive integer")
      }
      return number
    }

    func number() throws -> PublishedNumber {
      let budget: PublishedNumber.BudgetKind
      switch try text("budget_kind") {
      case "none": budget = .none
      case "queries":
        guard let count = try integer("budget_value") else {
          throw PublishedNumbersError(file: file, line: line, column: "budget_value", message: "empty; a query budget needs its count")
        }
        budget = .queries(count)
      case "seconds":
        guard let seconds = try number("budget_value", required: true), seconds > 0 else {
          throw PublishedNumbersError(file: file, line: line, column: "budget_value", message: "a time budget needs positive seconds")
        }
        budget = .seconds(seconds)
      case let other:
        throw PublishedNumbersError(
          file: file, line: line, column: "budget_kind", message: "'\(other ?? "")'; expected one of none, queries, seconds")
      }
      let spreadKind = try choice("spread_kind", PublishedNumber.SpreadKind.self)
      let spread = try number("spread", required: spreadKind != .none)
      if spreadKind == .none, spread != nil {
        throw PublishedNumbersError(
          file: file, line: line, column: "spread", message: "a spread with spread_kind none; name its kind (std or stderr)")
      }
      return PublishedNumber(
        id: try text("id") ?? "", source: try text("source") ?? "", reference: try text("reference") ?? "",
        benchmark: try text("benchmark") ?? "", data: try choice("data", PublishedNumber.DataRequirement.self),
        signal: try text("task_signal", required: false), report: try text("task_report", required: false),
        metric: try text("metric") ?? "", selection: try choice("selection", PublishedNumber.Selection.self), budget: budget,
        method: try text("method", required: false), trials: try integer("trials"), mean: try number("mean", required: true) ?? .nan,
        spread: spread, spreadKind: spreadKind, unit: try text("unit") ?? "", status: try choice("status", PublishedNumber.Status.self),
        note: try text("note", required: false) ?? "")
    }
  }
}

/// A bad `published.csv`.
public struct PublishedNumbersError: Error, CustomStringConvertible {
  /// The file.
  public let file: String
  /// The line, from 1 (0 when the file cannot be read).
  public let line: Int
  /// The column's name, when one value is at fault.
  public let column: String?
  /// What is wrong and what was expected.
  public let message: String

  public var description: String {
    "\(file):\(line)\(column.map { ": column '\($0)'" } ?? ""): \(message)"
  }
}
