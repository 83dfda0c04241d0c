import SearchSpaces

/// A method that generates cells and reports, step by step, what it generated.
///
/// Generators (a diffusion model, a conditional GAN) sample many cells and propose a few. The
/// harness asks a method that adopts this protocol for its report after every `ask` and logs
/// it as a `generation` line; reports show validity, uniqueness and novelty per round.
public protocol GenerationReporting {
  /// What the method generated while preparing the batch of its last `ask`, or `nil` when it
  /// generated nothing in that step (e.g. its initial random design).
  func generationReport() -> GenerationReport?
}

/// What one step of a generator produced, counted against the space, the domain and the
/// architectures already queried in the trial.
///
/// The counts nest: `generated >= valid >= unique >= novel` and `unique >= inDomain`.
public struct GenerationReport: Hashable, Sendable {
  /// Cells generated in the step, before any filtering.
  public var generated: Int
  /// Generated cells that are architectures of the space (`status(of:)` not `invalid`).
  public var valid: Int
  /// Distinct valid architectures (after canonicalisation: isomorphic NAS-Bench-101 cells
  /// count once).
  public var unique: Int
  /// Unique architectures not queried in the trial before this step.
  public var novel: Int
  /// Unique architectures inside the domain (queryable).
  public var inDomain: Int
  /// How often each token appeared at each position of the space's token layout, over the
  /// generated cells that have tokens: `[positions][vocabulary]`; empty when not counted.
  public var tokenCounts: [[Int]]
  /// The training-loss series of the step (e.g. `discriminator`, `predictor`, `generator`),
  /// one value per training iteration; empty when the method does not report them.
  public var lossCurves: [LossCurve]

  /// Creates a report from its counts.
  public init(
    generated: Int, valid: Int, unique: Int, novel: Int, inDomain: Int, tokenCounts: [[Int]] = [], lossCurves: [LossCurve] = []
  ) {
    self.generated = generated
    self.valid = valid
    self.unique = unique
    self.novel = novel
    self.inDomain = inDomain
    self.tokenCounts = tokenCounts
    self.lossCurves = lossCurves
  }

  /// Counts `generated` cells against `domain` and the pool indices `queried` before the step.
  ///
  /// Valid cells outside the pool are distinct by their arrays and always novel (they cannot
  /// have been queried); pool cells are distinct by pool index.
  ///
  /// - Parameters:
  ///   - generated: the cells the step generated, in any order, repeats included.
  ///   - domain: the trial's domain (its space judges validity).
  ///   - queried: pool indices queried in the trial before the step.
  ///   - countingTokens: whether to fill `tokenCounts`.
  ///   - lossCurves: the step's training-loss series, if the method records them.
  /// - Complexity: one `status(of:)` per cell.
  public init(
    generated: [Architecture], domain: Domain, queried: Set<Int>, countingTokens: Bool = false, lossCurves: [LossCurve] = []
  ) {
    let space = domain.space
    var valid = 0
    var poolMembers = Set<Int>()
    var outsidePool = Set<Architecture>()
    for architecture in generated {
      switch space.status(of: architecture) {
      case .invalid: continue
      case .notInPool: outsidePool.insert(architecture)
      case .pool(let index): poolMembers.insert(index)
      }
      valid += 1
    }
    var tokenCounts: [[Int]] = []
    if countingTokens {
      let layout = space.tokenLayout
      tokenCounts = layout.positions.map { [Int](repeating: 0, count: $0.vocabularySize) }
      for architecture in generated {
        guard let tokens = layout.tokens(of: architecture) else { continue }
        for (position, token) in tokens.enumerated() { tokenCounts[position][token] += 1 }
      }
    }
    self.init(
      generated: generated.count, valid: valid, unique: poolMembers.count + outsidePool.count,
      novel: poolMembers.subtracting(queried).count + outsidePool.count,
      inDomain: poolMembers.filter(domain.contains).count, tokenCounts: tokenCounts, lossCurves: lossCurves)
  }
}

/// One named training-loss series of a step: a loss value per training iteration, in order.
///
/// Reported so instability (a diverging discriminator, a collapsing generator) is visible in
/// the run's report; NaN or infinite values are kept as they are.
public struct LossCurve: Hashable, Sendable {
  /// Series name, e.g. `discriminator`.
  public var name: String
  /// Loss values in training order.
  public var values: [Double]

  /// Creates a series.
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
}
