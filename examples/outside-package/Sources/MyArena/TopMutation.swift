import Randomness
import SearchMethods
import SearchSpaces

/// Mutating the best: after a random start, each step mutates one of the best `parents`
/// architectures observed so far (uniformly chosen) and proposes the child.
///
/// A small method written outside NASArena, to show what an outside package needs: a
/// `SearchMethod` with declared settings, registered in its own executable.
struct TopMutation: SearchMethod {
  struct Settings: MethodSettings {
    /// Random architectures before mutation starts.
    var initial = 10
    /// How many of the best observed architectures may be mutated.
    var parents = 5

    init() {}

    static var schema: [Setting<Self>] {
      [
        Setting(\.initial, "initial", "random architectures (the shared initial design) before mutation starts", in: 1...10_000),
        Setting(\.parents, "parents", "how many of the best observed architectures may be mutated", in: 1...1000),
      ]
    }
  }

  static let name = "top-mutation"
  static let abstract = "Mutates one of the best observed architectures each step (an example from an outside package)."

  private let settings: Settings
  private let space: any SearchSpace
  private var design: InitialDesign
  private var observed: [(signal: Double, architecture: Architecture)] = []

  init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.space = context.space
    self.design = context.initialDesign
  }

  mutating func ask(count: Int, using rng: inout SeededGenerator) -> [Proposal] {
    if design.drawn < settings.initial {
      return design.proposals(min(count, settings.initial - design.drawn))
    }
    guard !observed.isEmpty else { return design.proposals(1) }
    let best = observed.sorted { $0.signal > $1.signal }.prefix(settings.parents)
    let parent = best[best.startIndex + rng.nextInt(below: best.count)].architecture
    return [.architecture(space.mutate(parent, using: &rng))]
  }

  mutating func tell(_ observations: [Observation]) {
    for observation in observations {
      guard let signal = observation.signal, let index = observation.poolIndex else { continue }
      observed.append((signal, space.architecture(at: index)))
    }
  }
}
