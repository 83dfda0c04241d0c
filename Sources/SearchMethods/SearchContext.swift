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

  /// Creates a context.
  public init(domain: Domain, initialDesign: InitialDesign) {
    self.domain = domain
    self.initialDesign = initialDesign
  }

  /// The search space of the domain.
  public var space: any SearchSpace { domain.space }
}
