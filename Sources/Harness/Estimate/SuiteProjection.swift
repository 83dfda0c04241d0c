import Results

/// A suite's projected cost on one machine or on a cluster of nodes running one shard each.
public struct SuiteProjection: Sendable, Equatable {
  /// Nodes (1 for one machine); node i runs shard i/nodes.
  public let nodes: Int
  /// Workers (trials at once) on each node.
  public let workersPerNode: Int
  /// Cells with a time.
  public let cellsTimed: Int
  /// Cells of pairs without a time, left out of every figure.
  public let cellsUntimed: Int
  /// Sum of all timed trials' seconds (one core each).
  public let trialCoreSeconds: Double
  /// Pretraining seconds of the slowest node's pretraining stage (keys in parallel up to its
  /// workers); pretrainings of unknown duration count 0 and are listed in `unknownPretraining`.
  public let pretrainingWallSeconds: Double
  /// Wall seconds of the slowest node: its pretraining stage, then its cells.
  public let wallSeconds: Double
  /// Pretraining jobs whose time is unknown.
  public let unknownPretraining: Int
}

extension SuiteEstimate {
  /// The projection on `nodes` nodes of `workersPerNode` workers, cells in the order `nasarena
  /// run` takes them (`trialsFirst` as its flag); each node pretrains what its cells need,
  /// unless `sharedCache` (the cache filled once beforehand and copied to every node), where
  /// pretraining is paid once, before the shards start.
  public func projection(nodes: Int = 1, workersPerNode: Int, trialsFirst: Bool = false, sharedCache: Bool = false) -> SuiteProjection {
    precondition(nodes >= 1 && workersPerNode >= 1, "at least one node and one worker")
    var seconds: [String: Double] = [:]
    for entry in times { seconds[Self.pairKey(entry.task, entry.method)] = entry.mean }
    let all = SuiteRunner.cells(of: suite)
    var timed = 0
    var untimed = 0
    var coreSeconds = 0.0
    var slowestWall = 0.0
    var slowestPretraining = 0.0
    var unknown: Set<String> = []
    func stage(for cells: [TrialCell]) -> Double {
      let jobs = pretraining.filter { cost in
        cells.contains { cost.labels.contains($0.method) && spaceOfTask[$0.task] == cost.space }
      }
      for job in jobs where job.seconds == nil { unknown.insert(job.keyHash) }
      return GreedySchedule.makespan(jobs.map { $0.seconds ?? 0 }, workers: workersPerNode)
    }
    let onceBefore = sharedCache ? stage(for: all) : 0
    for node in 0..<nodes {
      var cells = all.enumerated().filter { $0.offset % nodes == node }.map(\.element)
      if trialsFirst { cells = cells.enumerated().sorted { ($0.element.trial, $0.offset) < ($1.element.trial, $1.offset) }.map(\.element) }
      var durations: [Double] = []
      for cell in cells {
        if let time = seconds[Self.pairKey(cell.task, cell.method)] {
          durations.append(time)
          timed += 1
          coreSeconds += time
        } else {
          untimed += 1
        }
      }
      let pretrainingWall = sharedCache ? onceBefore : stage(for: cells)
      slowestPretraining = max(slowestPretraining, pretrainingWall)
      slowestWall = max(slowestWall, pretrainingWall + GreedySchedule.makespan(durations, workers: workersPerNode))
    }
    return SuiteProjection(
      nodes: nodes, workersPerNode: workersPerNode, cellsTimed: timed, cellsUntimed: untimed, trialCoreSeconds: coreSeconds,
      pretrainingWallSeconds: slowestPretraining, wallSeconds: slowestWall, unknownPretraining: unknown.count)
  }
}
