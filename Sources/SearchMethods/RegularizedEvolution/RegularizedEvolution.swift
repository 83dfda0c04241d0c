import Benchmarks
import Randomness

/// Regularized (aging) evolution.
///
/// Source: Real, Aggarwal, Huang and Le, "Regularized evolution for image classifier
/// architecture search", AAAI 2019 (<https://arxiv.org/abs/1802.01548>). The population starts
/// as the first `initialSize` architectures of the shared initial design; each step samples
/// `sampleSize` members without replacement, mutates the one with the best signal (one
/// operation or one connection changed) until the child is valid, inside the domain and not yet
/// queried, queries it, adds it to the population and removes the oldest member.
///
/// Differences from the source, each a necessity of tabular benchmarks: a child must be inside
/// the domain (on the NAS-Bench-101 subset most mutants have no label); after
/// `mutationAttempts` failed mutations of one parent a new tournament is drawn, and after as
/// many failed tournaments the next unqueried architecture of the initial design is proposed,
/// so the method never stalls.
public struct RegularizedEvolution: SearchMethod {
  public static let name = "regularized-evolution"
  public static let abstract = "Aging evolution with tournament selection and one-step mutation (Real et al. 2019)."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  /// Population as pool indices with their signals, oldest first.
  private var population: [(poolIndex: Int, signal: Double)] = []
  private var startedEvolving = false

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) -> [Proposal] {
    if !startedEvolving {
      startedEvolving = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard let child = nextChild(using: &rng) else { return [] }
    return [child]
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
    for observation in observations {
      guard let index = observation.poolIndex, let signal = observation.signal else { continue }
      population.append((index, signal))
    }
    while population.count > settings.populationSize { population.removeFirst() }
  }

  private mutating func nextChild(using rng: inout SeededGenerator) -> Proposal? {
    let space = domain.space
    if !population.isEmpty {
      for _ in 0..<settings.mutationAttempts {
        let sample = rng.sampleWithoutReplacement(min(settings.sampleSize, population.count), from: population.count)
        guard let parentSlot = sample.max(by: { population[$0].signal < population[$1].signal }) else { break }
        let parent = space.architecture(at: population[parentSlot].poolIndex)
        for _ in 0..<settings.mutationAttempts {
          let child = space.mutate(parent, using: &rng)
          if let index = space.index(of: child), domain.contains(index), !memory.contains(index) {
            return .poolIndex(index)
          }
        }
      }
    }
    let known = memory
    return design.next { !known.contains($0) }.map { Proposal.poolIndex($0) }
  }
}
