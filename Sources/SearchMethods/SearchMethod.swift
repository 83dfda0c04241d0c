import Randomness
import SearchSpaces

/// A search strategy driven by the harness in batched ask/tell steps.
///
/// The harness owns the loop, the budget and the labels (PROTOCOL.md): it asks a method for a
/// batch of proposals, evaluates the ones that are new, valid and inside the domain, and tells
/// the method the search signal of each. A method never sees a benchmark table or a report
/// metric; everything it knows comes from its `SearchContext` and its observations.
public protocol SearchMethod: SendableMetatype {
  /// Settings decoded from the suite's `settings:` block; every field has a default.
  associatedtype Settings: MethodSettings
  /// Stable kebab-case identifier used in suites, logs and reports.
  static var name: String { get }
  /// One line shown by `nasarena methods`.
  static var abstract: String { get }

  /// For a method rebuilt without its authors' code (from a paper's text alone), one line
  /// saying so and where its choices are documented; every report that shows the method prints
  /// it. `nil` (the default) for methods implemented from their paper and official code.
  static var reconstruction: String? { get }

  /// Creates the method for one trial.
  ///
  /// - Throws: when the settings do not fit the search space (e.g. an encoding it lacks).
  init(settings: Settings, context: SearchContext) throws

  /// Up to `count` architectures to evaluate next (one batch); empty when the method has
  /// nothing left to propose. `count` is at least 1; for time budgets it is the number of
  /// unqueried domain architectures.
  mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal]

  /// The outcomes of the proposals of the last `ask`, one per proposal, in order.
  mutating func tell(_ observations: [Observation]) throws

  /// Throws when `settings` cannot work on `space` (e.g. an encoding the space lacks).
  ///
  /// `nasarena validate` and `run` call it for every task of a suite before anything runs, so
  /// a setting that does not fit a task is refused with its line, not in every trial. The
  /// default accepts every space.
  ///
  /// - Throws: `MethodSettingsError` naming the setting's key.
  static func check(_ settings: Settings, against space: any SearchSpace) throws
}

extension SearchMethod {
  /// Not a reconstruction.
  public static var reconstruction: String? { nil }

  /// Settings fit every space.
  public static func check(_ settings: Settings, against space: any SearchSpace) throws {}
}

/// A method that can name its current best guess at any time (e.g. its predictor's top-1).
///
/// The harness logs the recommendation apart from the queries after every step; it never
/// enters the main incumbent curves.
public protocol Recommending {
  /// Pool index of the recommended architecture, or `nil` when the method has none yet.
  func recommendation() -> Int?
}

/// One architecture a method asks the harness to evaluate.
public struct Proposal: Hashable, Sendable {
  /// What is proposed: a pool index, or a cell that the harness maps to the pool.
  public enum Target: Hashable, Sendable {
    /// An architecture of the pool, by index.
    case poolIndex(Int)
    /// A cell made by the method (a generator, a mutation); the harness canonicalises it and
    /// refuses it when it is invalid or outside the domain.
    case architecture(Architecture)
  }

  /// What is proposed.
  public let target: Target
  /// Whether it came from the harness's shared initial design (logged with the query).
  public let isInitial: Bool

  /// Proposes a pool architecture.
  public static func poolIndex(_ index: Int, initial: Bool = false) -> Proposal {
    Proposal(target: .poolIndex(index), isInitial: initial)
  }

  /// Proposes a cell.
  public static func architecture(_ architecture: Architecture, initial: Bool = false) -> Proposal {
    Proposal(target: .architecture(architecture), isInitial: initial)
  }
}

/// What the harness did with one proposal.
public struct Observation: Hashable, Sendable {
  /// The outcome of a proposal.
  public enum Outcome: Hashable, Sendable {
    /// Newly evaluated: the search signal and simulated cost in seconds.
    case evaluated(signal: Double, costSeconds: Double)
    /// Already queried in this trial (or earlier in the batch): the remembered signal.
    case repeated(signal: Double)
    /// Not an architecture of the domain; nothing was evaluated.
    case refused(Refusal)
    /// Not evaluated because the budget ran out within this batch.
    case notEvaluated
  }

  /// Why a proposal was refused (see `SearchSpace.status(of:)` and `Domain`).
  public enum Refusal: String, Hashable, Sendable, CaseIterable {
    /// The cell is not an architecture of the search space (or the pool index is out of
    /// range).
    case invalid
    /// The cell is a valid architecture of the space that the pool does not hold.
    case notInPool
    /// The architecture is in the pool but has no label (outside the domain).
    case outsideDomain
  }

  /// The proposal this observation answers.
  public let proposal: Proposal
  /// The pool index the proposal resolved to, when it is in the pool.
  public let poolIndex: Int?
  /// What happened.
  public let outcome: Outcome

  /// Creates an observation.
  public init(proposal: Proposal, poolIndex: Int?, outcome: Outcome) {
    self.proposal = proposal
    self.poolIndex = poolIndex
    self.outcome = outcome
  }

  /// The search signal, when the architecture was evaluated now or before.
  public var signal: Double? {
    switch outcome {
    case .evaluated(let signal, _), .repeated(let signal): signal
    case .refused, .notEvaluated: nil
    }
  }
}
