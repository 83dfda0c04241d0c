import Foundation
import Tensor

/// Decides when a suite's tail leaves workers idle and donates their cores to ``SpareCores``.
///
/// The runner reports each launch; a worker reports the end of its trial from the trial's own
/// task, so its core is donated the moment it falls idle, without waiting for the runner's
/// task to be scheduled again (under a busy cooperative pool that could take until another
/// trial ends). A core is idle once every trial has been launched and fewer trials run than
/// there are cores; at most `cores` are ever donated or busy at once.
///
/// Every stored property is guarded by `lock`, hence `@unchecked Sendable`.
final class TailCoreLending: @unchecked Sendable {
  private let lock = NSLock()
  private let spareCores: SpareCores
  private let total: Int
  private let cores: Int
  private var launched = 0
  private var finished = 0
  private var donated = 0

  /// Lending for a run of `total` trials on `cores` cores.
  init(spareCores: SpareCores, total: Int, cores: Int) {
    self.spareCores = spareCores
    self.total = total
    self.cores = cores
  }

  /// Called by the runner before it starts a trial.
  func launch() {
    lock.withLock { launched += 1 }
    donateIdleCores()
  }

  /// Called by a trial's task when the trial ends.
  func finish() {
    lock.withLock { finished += 1 }
    donateIdleCores()
  }

  /// Donates the cores that no trial can use any more.
  func donateIdleCores() {
    let idle: Int = lock.withLock {
      guard launched >= total else { return 0 }
      let idle = cores - (launched - finished) - donated
      guard idle > 0 else { return 0 }
      donated += idle
      return idle
    }
    if idle > 0 { spareCores.donate(idle) }
  }
}
