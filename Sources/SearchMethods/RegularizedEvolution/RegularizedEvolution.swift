import Randomness
import SearchSpaces

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
/// the domain and not yet queried. On the NAS-Bench-101 subset only about 6 % of mutants have
/// a label, so a good parent's few labelled neighbours are used up quickly; a parent with no
/// unqueried labelled neighbour left is therefore excluded from tournaments (found once with
/// `neighbors(of:)` and cached). For a parent that has some, mutations are drawn as in the paper
/// (uniform one-step changes, rejected until the child is acceptable) up to `mutationAttempts`
/// times, then one of its acceptable neighbours is taken uniformly. When no member of the
/// population can produce a child, the next unqueried architecture of the initial design is
/// proposed, so the method never stalls.
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
  /// Unqueried in-domain neighbours of parents looked at so far, by pool index.
  private var acceptableNeighbors: [Int: [Int]] = [:]

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
    while true {
      let candidates = population.indices.filter { hasAcceptableNeighbor(population[$0].poolIndex) }
      guard !candidates.isEmpty else { break }
      let sample = rng.sampleWithoutReplacement(min(settings.sampleSize, candidates.count), from: candidates.count)
      guard let winner = sample.map({ candidates[$0] }).max(by: { population[$0].signal < population[$1].signal }) else { break }
      let parentIndex = population[winner].poolIndex
      let parent = space.architecture(at: parentIndex)
      for _ in 0..<settings.mutationAttempts {
        let child = space.mutate(parent, using: &rng)
        if let index = space.index(of: child), domain.contains(index), !memory.contains(index) { return .poolIndex(index) }
      }
      if let fallback = acceptableNeighbors[parentIndex]?.stableRandomElement(using: &rng) { return .poolIndex(fallback) }
    }
    let known = memory
    return design.next { !known.contains($0) }.map { Proposal.poolIndex($0) }
  }

  /// Whether `parent` still has an unqueried in-domain neighbour (the cached list is pruned
  /// of architectures queried since).
  private mutating func hasAcceptableNeighbor(_ parent: Int) -> Bool {
    let known = memory
    let remaining =
      (acceptableNeighbors[parent]
      ?? domain.space.neighbors(of: domain.space.architecture(at: parent))
      .filter { domain.contains($0) }).filter { !known.contains($0) }
    acceptableNeighbors[parent] = remaining
    return !remaining.isEmpty
  }
}
