import Benchmarks
import SearchSpaces

/// What a pretrained value depends on, and so what the cache is keyed by: the method, the
/// search space and its pool, the settings that matter for pretraining, the pretraining seed
/// and the code version.
public struct PretrainingKey: Hashable, Sendable {
  /// The method's pretraining family (its name unless it shares a pretraining with others).
  public let method: String
  /// Search-space name.
  public let space: String
  /// SHA-256 over the canonical keys of every pool architecture, in pool order.
  public let poolFingerprint: String
  /// Pool size.
  public let poolSize: Int
  /// The method's `pretrainingKey(settings:)`.
  public let settings: String
  /// The pretraining seed (`SeedPlan.pretrainingSeed`).
  public let seed: UInt64
  /// The harness version and the method's pretraining code version.
  public let codeVersion: String

  /// The key as text, one `name: value` line each, in a fixed order.
  public var text: String {
    [
      "method: \(method)", "space: \(space)", "pool: \(poolSize) architectures, sha256 \(poolFingerprint)",
      "settings: \(settings)", "seed: \(seed)", "code: \(codeVersion)",
    ].joined(separator: "\n")
  }

  /// SHA-256 of `text`, hex.
  public var hash: String { SHA256.hexDigest(of: Array(text.utf8)) }

  /// The cache file name: the method, then the first 24 hex digits of the hash.
  public var fileName: String { "\(method)-\(hash.prefix(24)).pretrained" }
}

/// The fingerprint of a search space's pool: SHA-256 over every canonical key, in pool order.
enum PoolFingerprint {
  static func of(_ space: any SearchSpace) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(space.poolSize * 40)
    for index in 0..<space.poolSize {
      bytes.append(contentsOf: space.key(at: index).utf8)
      bytes.append(0x0A)
    }
    return SHA256.hexDigest(of: bytes)
  }
}
