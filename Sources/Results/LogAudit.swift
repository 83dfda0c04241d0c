/// Checks, line by line as a log is read, that its lines form whole, consistent trials.
///
/// Per (task, method, trial) cell: query numbers run 1, 2, ... without a gap or a repeat;
/// each query's `cumulativeCost` is the previous one plus its `cost`; no query exceeds the
/// budget (when it is known); a recommendation or generation report comes after the queries it
/// counts (and a report's counts nest); at most one
/// `trial` line closes the cell, its `queries` and `cost` agree with the cell's query lines,
/// and nothing of the cell follows it. Lines of different cells may interleave (parallel
/// trials). These are the properties an uninterrupted run guarantees, so a log that breaks one
/// was duplicated, truncated inside, spliced or edited.
struct LogAudit {
  private struct CellState {
    var queries = 0
    var cumulativeCost = 0.0
    var closedAtLine: Int?
    var lastQueryLine = 0
  }

  /// Relative tolerance of cost sums: the writer and the check add the same numbers in the
  /// same order, so they agree exactly unless a value was changed; the slack only absorbs a
  /// decimal round trip of large sums.
  private static let costTolerance = 1e-9

  let budget: BudgetLimit?
  /// The state of every cell, by the cell's number (see `QueryTableBuilder.cell`).
  private var cells: [CellState] = []

  init(budget: BudgetLimit?) {
    self.budget = budget
  }

  /// Checks the next line, a query given by its numbers (the fields the checks read).
  ///
  /// - Parameters:
  ///   - query: its query number.
  ///   - cost: its cost.
  ///   - cumulativeCost: its cumulative cost.
  ///   - cell: the number of its cell.
  ///   - line: its 1-based line number in the file (for messages).
  ///   - name: the cell (for messages).
  /// - Returns: `nil` when the line fits, otherwise what is wrong.
  mutating func problem(
    withQuery query: Int, cost: Double, cumulativeCost: Double, cell: Int, line: Int, name: TrialCell
  ) -> String? {
    while cells.count <= cell { cells.append(CellState()) }
    let state = cells[cell]
    if let closed = state.closedAtLine { return Self.continuesAfterClosing(name, closed) }
    guard query == state.queries + 1 else {
      let kind = query <= state.queries ? "a repeat" : "a gap"
      return "trial \(name): query number \(query) after \(state.queries) (\(kind)); expected \(state.queries + 1)"
    }
    if let limit = budget?.queries, query > limit {
      return "trial \(name): query \(query) exceeds the budget of \(limit) queries"
    }
    guard cost.isFinite, cost >= 0 else {
      return "trial \(name): query \(query) has cost \(cost); expected a finite number >= 0"
    }
    let expected = state.cumulativeCost + cost
    guard Self.agree(cumulativeCost, expected) else {
      return
        "trial \(name): query \(query) has cumulativeCost \(cumulativeCost); expected \(expected) (the previous cumulativeCost plus cost)"
    }
    if let limit = budget?.seconds, cumulativeCost > limit * (1 + Self.costTolerance) {
      return "trial \(name): query \(query) brings the cost to \(cumulativeCost), over the budget of \(limit) simulated seconds"
    }
    cells[cell].queries = query
    cells[cell].cumulativeCost = cumulativeCost
    cells[cell].lastQueryLine = line
    return nil
  }

  /// Checks the next line.
  ///
  /// - Parameters:
  ///   - entry: the decoded line.
  ///   - cell: the number of its cell.
  ///   - line: its 1-based line number in the file (for messages).
  /// - Returns: `nil` when the line fits, otherwise what is wrong.
  mutating func problem(with entry: LogEntry, cell number: Int, line: Int) -> String? {
    if case .query(let record) = entry {
      return problem(
        withQuery: record.query, cost: record.cost, cumulativeCost: record.cumulativeCost, cell: number, line: line,
        name: record.cell)
    }
    while cells.count <= number { cells.append(CellState()) }
    let cell = entry.cell
    let state = cells[number]
    if let closed = state.closedAtLine { return Self.continuesAfterClosing(cell, closed) }
    switch entry {
    case .query: break
    case .recommendation(let record):
      guard record.afterQuery <= state.queries else {
        return "trial \(cell): recommendation after query \(record.afterQuery), but only \(state.queries) queries come before it"
      }
    case .generation(let record):
      guard record.afterQuery <= state.queries else {
        return "trial \(cell): generation report after query \(record.afterQuery), but only \(state.queries) queries come before it"
      }
      guard record.valid <= record.generated, record.unique <= record.valid, record.novel <= record.unique, record.inDomain <= record.unique,
        record.generated >= 0
      else {
        return
          "trial \(cell): generation report counts do not nest (generated \(record.generated) >= valid \(record.valid) >= unique \(record.unique) >= novel \(record.novel); in domain \(record.inDomain) <= unique)"
      }
    case .trial(let record):
      guard record.queries == state.queries else {
        return "trial \(cell): the closing line counts \(record.queries) queries but the log holds \(state.queries)"
      }
      guard Self.agree(record.cost, state.cumulativeCost) else {
        return "trial \(cell): the closing line's cost \(record.cost) differs from the last cumulativeCost \(state.cumulativeCost)"
      }
      cells[number].closedAtLine = line
    }
    return nil
  }

  private static func continuesAfterClosing(_ cell: TrialCell, _ closed: Int) -> String {
    "trial \(cell) continues after its closing 'trial' line \(closed); a trial ends with exactly one 'trial' line"
  }

  private static func agree(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= costTolerance * max(1, abs(a), abs(b))
  }
}
