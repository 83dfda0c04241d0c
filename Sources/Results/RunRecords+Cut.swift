/// Cutting a run's trials at a query count, so that a run with a larger query budget can be
/// read as the run with the smaller one.
///
/// The harness asks a method for as many proposals as may still be queried
/// (`ask(count:)`), so the first `n` queries of a trial with a larger budget are those of an
/// `n`-query trial when the method's proposals do not depend on that count beyond taking the
/// first of them (the built-in methods propose `min(count, batch size)`); `RunComparison`
/// checks it wherever one method is in two runs.
extension RunRecords {
  /// What cutting left as it was, for the comparison's notes.
  public static let cutNote =
    "proposal counts of trials cut short (valid rate, refused, repeats) are those of the whole trial; queries, cost, batches and method seconds are those at the cut"

  /// These records with every trial cut after its `queries`-th query.
  ///
  /// Queries after the cut are dropped, and so are recommendations made after it and
  /// generation reports of batches proposed after it. A trial with more queries than
  /// `queries` becomes a completed trial of `queries` queries whose cost, batches and method
  /// seconds are read from its last query kept; its proposal counters (`proposals`,
  /// `refused`, `repeats`) stay those of the whole trial, since the log does not say when each
  /// refusal happened. A trial with at most `queries` queries is kept as it is. The manifest's
  /// budget becomes `queries` queries and its report checkpoints above the cut are dropped
  /// (the cut itself is added as the last one).
  ///
  /// - Precondition: `queries >= 1`.
  public func cut(atQueries queries: Int) -> RunRecords {
    precondition(queries >= 1, "a cut needs at least one query")
    let kept = self.queries.filter { $0.query <= queries }
    var lastKept: [TrialCell: QueryRecord] = [:]
    for query in kept where query.query == queries { lastKept[query.cell] = query }
    let trials = self.trials.map { trial -> TrialRecord in
      guard trial.queries > queries, let last = lastKept[trial.cell] else { return trial }
      var cut = trial
      cut.status = .completed
      cut.message = nil
      cut.queries = queries
      cut.cost = last.cumulativeCost
      cut.batches = last.batch + 1
      cut.methodSeconds = last.methodSeconds
      return cut
    }
    var manifest = self.manifest
    manifest.budget = .queries(queries)
    manifest.report.checkpoints = manifest.report.checkpoints.filter { $0 < queries } + [queries]
    return RunRecords(
      manifest: manifest, tasks: tasks, methods: methods, queries: QueryTable(kept),
      recommendations: recommendations.filter { $0.afterQuery <= queries }, trials: trials,
      generations: generations.filter { $0.afterQuery < queries })
  }
}
