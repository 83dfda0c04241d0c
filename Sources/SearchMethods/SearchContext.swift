import SearchSpaces

/// What a method is given for one trial, besides its settings and random generator.
///
/// The domain (the queryable architectures and, through `domain.space`, the unlabelled pool,
/// structure and encodings) and the shared initial design. There is deliberately no metric
/// here: a method learns labels only from its observations.
public struct SearchContext: Sendable {
  /// The queryable architectures within their search space.
  public let domain: Domain
  /// The trial's shared stream of random domain architectures.
  public let initialDesign: InitialDesign
  /// Which trial this is and where its run folder is, when the harness runs it (`nil` in
  /// method tests). For naming side files and seeding other processes; never a label.
  public let trial: TrialIdentity?

  /// Creates a context.
  public init(domain: Domain, initialDesign: InitialDesign, trial: TrialIdentity? = nil) {
    self.domain = domain
    self.initialDesign = initialDesign
    self.trial = trial
  }

  /// The search space of the domain.
  public var space: any SearchSpace { domain.space }
}

/// One trial as the harness names it: for a method's side files and for seeding a process it
/// starts (a plugin), never for its search.
public struct TrialIdentity: Sendable, Hashable {
  /// The task's name.
  public let task: String
  /// The method's label in the suite.
  public let method: String
  /// The trial index.
  public let index: Int
  /// The trial seed (the same for every method of the trial index on the task).
  public let seed: UInt64
  /// The run folder, or `nil` when the trial writes no folder.
  public let folder: String?

  /// Creates an identity.
  public init(task: String, method: String, index: Int, seed: UInt64, folder: String?) {
    self.task = task
    self.method = method
    self.index = index
    self.seed = seed
    self.folder = folder
  }
}
