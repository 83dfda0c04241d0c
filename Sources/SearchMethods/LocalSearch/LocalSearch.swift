import Randomness
import SearchSpaces

/// Local search with restarts, in the first-improvement and best-improvement variants.
///
/// Source: White, Nolen, Neiswanger and Savani, "Exploring the loss landscape in neural
/// architecture search", UAI 2021 (<https://arxiv.org/abs/2005.02960>). The search starts from
/// the best of `initialSize` architectures of the shared initial design. `firstImprovement`
/// (naszilla) queries the unqueried neighbours of the current architecture one at a time in a
/// random order and moves to the first that beats it; `bestImprovement` (NASLib) queries the
/// whole unqueried neighbourhood as one batch and moves to its best member if that beats the
/// current one. At a local optimum the search restarts from the next unqueried architecture
/// of the initial design. Neighbours outside the domain are skipped (they cannot be queried).
public struct LocalSearch: SearchMethod {
  public static let name = "local-search"
  public static let abstract = "Hill climbing over one-step neighbourhoods with random restarts (White et al. 2021)."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private var current: Int?
  /// Unqueried neighbours of `current` still to try (first-improvement), in query order.
  private var pending: [Int] = []
  private var started = false

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    while true {
      guard let here = current else {
        guard let restart = design.next(where: { [memory] in !memory.contains($0) }) else { return [] }
        return [.poolIndex(restart)]
      }
      if pending.isEmpty {
        pending = unqueriedNeighbors(of: here)
        if settings.variant == .firstImprovement { pending.stableShuffle(using: &rng) }
        if pending.isEmpty {
          current = nil  // a local optimum whose neighbourhood is fully known: restart
          continue
        }
      }
      switch settings.variant {
      case .firstImprovement:
        return [.poolIndex(pending.removeFirst())]
      case .bestImprovement:
        let batch = Array(pending.prefix(count))
        pending.removeFirst(batch.count)
        return batch.map { .poolIndex($0) }
      }
    }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
    guard let here = current else {
      // The initial design or a restart: start from the best architecture just observed.
      current =
        observations.compactMap { obs in obs.signal.map { (obs.poolIndex ?? -1, $0) } }
        .filter { $0.0 >= 0 }.max { $0.1 < $1.1 }?.0
      pending = []
      return
    }
    let hereSignal = memory[here] ?? -.infinity
    let improving = observations.compactMap { obs -> (Int, Double)? in
      guard let index = obs.poolIndex, let signal = obs.signal, signal > hereSignal else { return nil }
      return (index, signal)
    }
    if let best = improving.max(by: { $0.1 < $1.1 }) {
      current = best.0
      pending = []
    } else if settings.variant == .bestImprovement && pending.isEmpty {
      current = nil
    }
  }

  private func unqueriedNeighbors(of index: Int) -> [Int] {
    domain.space.neighbors(of: domain.space.architecture(at: index))
      .filter { domain.contains($0) && !memory.contains($0) }
  }
}
