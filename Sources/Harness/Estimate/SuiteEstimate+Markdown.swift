import Foundation

extension SuiteEstimate {
  /// The estimate as Markdown: measured times, pretraining, and one projection row per entry
  /// of `projections`, with the basis stated.
  public func markdown(projections: [(label: String, projection: SuiteProjection)]) -> String {
    let cells = suite.tasks.count * suite.methods.count * suite.trials
    var lines: [String] = []
    lines.append(
      "# Estimate of `\(suite.name)`: \(suite.tasks.count) tasks x \(suite.methods.count) methods x \(suite.trials) trials = \(cells) trials, \(suite.budget.limit) each\n"
    )
    lines.append("## Measured time per trial\n")
    lines.append("| task | method | trials timed | s / trial (mean) | std | source | backend |")
    lines.append("|---|---|---:|---:|---:|---|---|")
    for entry in times {
      lines.append(
        String(
          format: "| %@ | %@ | %d | %.3f | %.3f | %@ | %@ |", entry.task, entry.method, entry.seconds.count, entry.mean,
          entry.standardDeviation, entry.source, entry.backend))
    }
    let missing = suite.tasks.flatMap { task in
      suite.methodLabels.filter { label in !times.contains { $0.task == task && $0.method == label } }.map { "\(task) / \($0)" }
    }
    if !missing.isEmpty { lines.append("\nNo time for: \(missing.joined(separator: ", ")); those trials are left out of every figure below.") }
    if !rejected.isEmpty {
      lines.append("\nNot used:")
      lines += rejected.map { "- \($0)" }
    }
    if !pretraining.isEmpty {
      lines.append("\n## Pretraining (once per cache key: family, settings, search space)\n")
      lines.append("| family | serves | search space | seconds | source |")
      lines.append("|---|---|---|---:|---|")
      for cost in pretraining {
        lines.append(
          "| \(cost.family) | \(cost.labels.joined(separator: ", ")) | \(cost.space) | \(cost.seconds.map { String(format: "%.1f", $0) } ?? "unknown") | \(cost.source) |"
        )
      }
    }
    lines.append("\n## Projection\n")
    lines.append("| where | workers | trial core-hours | pretraining (wall) | wall-clock |")
    lines.append("|---|---:|---:|---:|---:|")
    for (label, projection) in projections {
      lines.append(
        "| \(label) | \(projection.workersPerNode)\(projection.nodes > 1 ? " per node" : "") | \(String(format: "%.2f", projection.trialCoreSeconds / 3600)) | \(Self.duration(projection.pretrainingWallSeconds))\(projection.unknownPretraining > 0 ? " + \(projection.unknownPretraining) unknown" : "") | \(Self.duration(projection.wallSeconds)) |"
      )
    }
    lines.append(
      "\nBasis: every trial of a (task, method) is given the mean of its measured trials (the method's time in ask and tell, plus the harness's share per trial when sampled now); trials run as `nasarena run` runs them, in suite order (or trial by trial with --trials-first), each worker taking the next trial when it is free, after the pretraining stage. A node of a cluster runs shard i/N (every N-th trial) and pretrains what its trials need, unless the cache is shared. Measured on \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage() ?? "unknown") at the end; a busy machine inflates every time."
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// `42 s`, `12.5 min` or `3.21 h`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 120 { return String(format: "%.0f s", seconds) }
    if seconds < 7200 { return String(format: "%.1f min", seconds / 60) }
    return String(format: "%.2f h", seconds / 3600)
  }

  private static func loadAverage() -> String? {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }
}
