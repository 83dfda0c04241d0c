import Randomness
import SearchSpaces

/// A method that does label-free work over its search space once (an auto-encoder over the
/// pool, a diffusion model over the space) and shares the result among its trials.
///
/// `pretrain` sees the search space (its structure and unlabelled pool) and a seeded
/// generator, never a label. The harness caches the value in memory and on disk under a key
/// made of the space, the pool, `pretrainingKey(settings:)`, the pretraining seed and the code
/// version, and builds each trial with `init(settings:context:pretrained:)`. Pretraining time is
/// recorded apart from the trial's method time.
public protocol Pretrainable: SearchMethod {
  /// What pretraining produces; stored in the harness cache in the binary format.
  associatedtype Pretrained: Codable & Sendable

  /// The version of the pretraining code; raise it when a change alters what `pretrain`
  /// produces for the same settings, so old cache files are not used (default 1).
  static var pretrainingVersion: Int { get }

  /// The name the cache keeps the pretrained value under (default: the method's name).
  /// Methods that pretrain the same model (every method in arch2vec's latent space) declare
  /// one family, and with it one `Pretrained` type, `pretrainingVersion` and key text, so they
  /// share one pretraining per space, settings and seed.
  static var pretrainingFamily: String { get }

  /// The settings that change the pretrained value, as a stable text (e.g.
  /// `latent=16 epochs=10`). Settings used only by the search are left out, so methods that
  /// differ only in those share one pretraining.
  static func pretrainingKey(settings: Settings) -> String

  /// Label-free work over `space`.
  ///
  /// - Parameter progress: called with one line per epoch (or other unit), for the log.
  static func pretrain(
    settings: Settings, space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void
  ) throws -> Pretrained

  /// Creates the method for one trial from its pretrained value.
  init(settings: Settings, context: SearchContext, pretrained: Pretrained) throws
}

extension Pretrainable {
  /// Version 1.
  public static var pretrainingVersion: Int { 1 }

  /// The method's own name: a family of one.
  public static var pretrainingFamily: String { name }

  /// A pretrainable method is built from its pretrained value only; the registry passes it.
  public init(settings: Settings, context: SearchContext) throws {
    throw PretrainingError.notPretrained(method: Self.name)
  }
}

/// A pretrainable method asked for without its pretrained value, or given the wrong one.
public enum PretrainingError: Error, Equatable, CustomStringConvertible {
  /// The method was built without pretraining.
  case notPretrained(method: String)
  /// The value handed to the method is not of its `Pretrained` type.
  case wrongValue(method: String, found: String)

  /// The message.
  public var description: String {
    switch self {
    case .notPretrained(let method): "\(method) needs its label-free pretraining; the harness runs it before the trials"
    case .wrongValue(let method, let found): "\(method) was given a pretrained value of the wrong kind (\(found))"
    }
  }
}
