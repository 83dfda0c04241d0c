import Models
import Randomness
import SearchSpaces

/// What the registry knows of a `Pretrainable` method, with its types erased, so the harness
/// can run, cache and hand over pretraining for any method.
public struct PretrainingAbility: Sendable {
  /// The type of the pretrained value, for decoding it from the cache.
  public let valueType: any (Codable & Sendable).Type
  /// The method's `pretrainingVersion`.
  public let formatVersion: Int
  /// The method's `pretrainingFamily`: what the cache key and pretraining seed are named by.
  public let family: String
  private let makeKey: @Sendable (any MethodSettings) throws -> String
  private let run: @Sendable (any MethodSettings, any SearchSpace, inout SeededGenerator, (String) -> Void) throws -> any Codable & Sendable
  private let build: @Sendable (any MethodSettings, SearchContext, any Sendable) throws -> any SearchMethod
  private let predictor: (@Sendable (any MethodSettings, Domain, any Sendable) throws -> any Predictor)?

  /// The ability of the pretrainable method type `M`.
  init<M: Pretrainable>(_: M.Type) {
    valueType = M.Pretrained.self
    formatVersion = M.pretrainingVersion
    family = M.pretrainingFamily
    makeKey = { settings in M.pretrainingKey(settings: try M.typedSettings(settings)) }
    run = { settings, space, rng, progress in
      try M.pretrain(settings: try M.typedSettings(settings), space: space, using: &rng, progress: progress)
    }
    build = { settings, context, value in
      guard let pretrained = value as? M.Pretrained else { throw PretrainingError.wrongValue(method: M.name, found: "\(type(of: value))") }
      return try M(settings: try M.typedSettings(settings), context: context, pretrained: pretrained)
    }
    predictor = Self.predictorBuilder(M.self)
  }

  private static func predictorBuilder<M: Pretrainable>(_: M.Type) -> (@Sendable (any MethodSettings, Domain, any Sendable) throws -> any Predictor)?
  {
    guard let providing = M.self as? any PretrainedPredictorProviding.Type else { return nil }
    return predictorBuilder(opening: providing)
  }

  private static func predictorBuilder<P: PretrainedPredictorProviding>(opening _: P.Type)
    -> @Sendable (any MethodSettings, Domain, any Sendable) throws -> any Predictor
  {
    { settings, domain, value in
      guard let pretrained = value as? P.Pretrained else { throw PretrainingError.wrongValue(method: P.name, found: "\(type(of: value))") }
      return try P.makePredictor(settings: try P.typedSettings(settings), domain: domain, pretrained: pretrained)
    }
  }

  /// The settings part of the cache key.
  public func key(settings: any MethodSettings) throws -> String { try makeKey(settings) }

  /// Runs the label-free pretraining.
  public func pretrain(
    settings: any MethodSettings, space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void
  ) throws -> any Codable & Sendable {
    try run(settings, space, &rng, progress)
  }

  /// Builds the method for one trial from its pretrained value.
  public func makeMethod(settings: any MethodSettings, context: SearchContext, pretrained: any Sendable) throws -> any SearchMethod {
    try build(settings, context, pretrained)
  }

  /// Whether the method's predictor is built on the pretrained value.
  public var hasPredictor: Bool { predictor != nil }

  /// The method's untrained predictor on its pretrained value, or `nil` when it has none.
  public func makePredictor(settings: any MethodSettings, domain: Domain, pretrained: any Sendable) throws -> (any Predictor)? {
    try predictor?(settings, domain, pretrained)
  }
}
