import Results

/// Where a trial's log lines go: appended to the run log, except the ones an earlier,
/// interrupted run already wrote.
///
/// On resume a partly logged trial is replayed from its start (trials are deterministic); the
/// first lines it produces must equal the logged ones (wall-clock fields aside) and are not
/// written again, so the log ends as an uninterrupted run writes it, without a lost or repeated
/// query. A replay that differs is an error, not a silent fork.
struct TrialLogSink {
  let writer: RunLogWriter
  let cell: TrialCell
  private let logged: [LogEntry]
  private var position = 0

  init(writer: RunLogWriter, cell: TrialCell, logged: [LogEntry]) {
    self.writer = writer
    self.cell = cell
    self.logged = logged
  }

  mutating func emit(_ entries: [LogEntry]) async throws {
    var fresh: [LogEntry] = []
    for entry in entries {
      if position < logged.count {
        guard try RunLog.deterministicLine(logged[position]) == RunLog.deterministicLine(entry) else {
          throw RunError.divergentReplay(cell: cell.description, line: position + 1)
        }
      } else {
        fresh.append(entry)
      }
      position += 1
    }
    try await writer.append(fresh)
  }
}
