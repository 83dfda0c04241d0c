import Benchmarks
import BinaryCoding
import Foundation
import Randomness
import Results
import SearchMethods
import SearchSpaces

/// Label-free pretrained values, kept in this process's memory and in a cache folder on disk
/// (outside any run folder), so a value is computed once per key: by the first trial that
/// needs it, and never again by later trials, resumed runs, other shards or other suites with
/// the same key.
///
/// A disk file holds the key text, the SHA-256 of the value's bytes and the bytes (the binary
/// format of `BinaryCoding`); it is written to a temporary name and renamed, and checked on
/// every read. A file that does not check out (truncated, edited, another key, undecodable) is
/// never trusted: the value is computed again, with a warning, and the file replaced. Processes
/// sharing a cache folder take an advisory lock per key, so two shards do not compute the
/// same value at once.
public final class PretrainingCache: @unchecked Sendable {
  /// The cache folder, or `nil` for memory only.
  public let directory: String?
  private let lock = NSLock()
  private var values: [String: any Sendable] = [:]
  private var contentHashes: [String: (hash: String, bytes: Int)] = [:]
  private var fingerprints: [String: String] = [:]

  /// A cache over `directory` (created when first written), or memory only when `nil`.
  public init(directory: String?) {
    self.directory = directory
  }

  /// The cache folder the environment names: `NASARENA_CACHE`, else
  /// `$XDG_CACHE_HOME/nasarena`, else `$HOME/.cache/nasarena`; `nil` when none is set.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let explicit = environment["NASARENA_CACHE"], !explicit.isEmpty { return explicit }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("nasarena") }
    if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".cache/nasarena") }
    return nil
  }

  /// The key of `spec`'s pretraining on `space` under `suiteSeed`.
  public func key(for spec: MethodSpec, ability: PretrainingAbility, space: any SearchSpace, suiteSeed: UInt64) throws -> PretrainingKey {
    let fingerprintID = "\(space.name)|\(space.poolSize)"
    let fingerprint =
      lock.withLock { fingerprints[fingerprintID] }
      ?? {
        let computed = PoolFingerprint.of(space)
        lock.withLock { fingerprints[fingerprintID] = computed }
        return computed
      }()
    return PretrainingKey(
      method: ability.family, space: space.name, poolFingerprint: fingerprint, poolSize: space.poolSize,
      settings: try ability.key(settings: spec.settings),
      seed: SeedPlan.pretrainingSeed(suiteSeed: suiteSeed, space: space.name, family: ability.family),
      codeVersion: "nasarena \(NASArenaVersion.current), pretraining format \(ability.formatVersion)")
  }

  /// The pretrained value for `key`: from memory, else from disk, else computed (and stored).
  ///
  /// - Parameters:
  ///   - warn: called with a message when a cache file is corrupt or cannot be written.
  ///   - progress: the pretraining's own progress lines.
  /// - Throws: what the pretraining throws; never an error of a bad cache file.
  public func value(
    for key: PretrainingKey, spec: MethodSpec, ability: PretrainingAbility, space: any SearchSpace,
    warn: (String) -> Void = { _ in }, progress: (String) -> Void = { _ in }
  ) throws -> (value: any Sendable, record: PretrainingRecord) {
    let id = key.hash
    if let hit = lock.withLock({ values[id].map { ($0, contentHashes[id]) } }) {
      return (hit.0, record(key, origin: .memory, content: hit.1 ?? ("", 0), seconds: 0, load: 0, lines: []))
    }
    let fileLock = try directory.map { try CacheFileLock(directory: $0, name: key.fileName + ".lock") }
    defer { fileLock?.release() }
    if let directory {
      let path = (directory as NSString).appendingPathComponent(key.fileName)
      let start = ContinuousClock.now
      switch PretrainedFile.read(path: path, key: key, valueType: ability.valueType) {
      case .absent: break
      case .corrupt(let reason): warn("pretraining cache file \(path) is not usable (\(reason)); pretraining again")
      case .valid(let value, let hash, let bytes):
        remember(id, value, hash, bytes)
        return (value, record(key, origin: .disk, content: (hash, bytes), seconds: 0, load: (ContinuousClock.now - start).seconds, lines: []))
      }
    }
    var lines: [String] = []
    var rng = SeededGenerator(seed: key.seed)
    let start = ContinuousClock.now
    let value = try ability.pretrain(settings: spec.settings, space: space, using: &rng) { line in
      lines.append(line)
      progress(line)
    }
    let seconds = (ContinuousClock.now - start).seconds
    let payload = try BinaryEncoder().encode(value)
    let hash = SHA256.hexDigest(of: payload)
    if let directory {
      do {
        try PretrainedFile.write(payload: payload, hash: hash, key: key, directory: directory)
      } catch {
        warn("could not store pretraining in the cache folder \(directory): \(error); it is kept for this process only")
      }
    }
    remember(id, value, hash, payload.count)
    return (value, record(key, origin: .computed, content: (hash, payload.count), seconds: seconds, load: 0, lines: lines))
  }

  private func remember(_ id: String, _ value: any Sendable, _ hash: String, _ bytes: Int) {
    lock.withLock {
      values[id] = value
      contentHashes[id] = (hash, bytes)
    }
  }

  private func record(
    _ key: PretrainingKey, origin: PretrainingRecord.Origin, content: (hash: String, bytes: Int), seconds: Double, load: Double, lines: [String]
  ) -> PretrainingRecord {
    PretrainingRecord(
      method: key.method, space: key.space, key: key.text, keyHash: key.hash, contentHash: content.hash, bytes: content.bytes,
      origin: origin, pretrainingSeconds: seconds, loadSeconds: load, progress: lines)
  }
}
