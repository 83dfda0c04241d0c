/// One label-free pretraining a run used: its cache key, where the value came from and what
/// it cost (`manifest.json`, `pretraining`).
///
/// Pretraining time is apart from every trial's `methodSeconds`: it is spent once per key and
/// shared by all trials (and runs) with that key.
public struct PretrainingRecord: Hashable, Sendable, Codable {
  /// Where the pretrained value came from.
  public enum Origin: String, Hashable, Sendable, Codable {
    /// Computed by this process (and then stored in the cache folder).
    case computed
    /// Read from the cache folder.
    case disk
    /// Already in this process's memory.
    case memory
  }

  /// Method name (the registry's, not the suite label: labels with one key share one value).
  public var method: String
  /// Search-space name.
  public var space: String
  /// The whole cache key as text: method, space, pool fingerprint, settings, seed, code version.
  public var key: String
  /// SHA-256 of `key`, hex; names the cache file.
  public var keyHash: String
  /// SHA-256 of the stored value's bytes, hex; checked on every read from disk.
  public var contentHash: String
  /// Size of the stored value in bytes.
  public var bytes: Int
  /// Where the value came from.
  public var origin: Origin
  /// Wall-clock seconds of the pretraining itself when computed (0 otherwise).
  public var pretrainingSeconds: Double
  /// Wall-clock seconds to read, check and decode it from disk (0 otherwise).
  public var loadSeconds: Double
  /// The pretraining's own progress lines (e.g. one per epoch), when computed.
  public var progress: [String]

  /// Creates a record.
  public init(
    method: String, space: String, key: String, keyHash: String, contentHash: String, bytes: Int, origin: Origin,
    pretrainingSeconds: Double, loadSeconds: Double, progress: [String]
  ) {
    self.method = method
    self.space = space
    self.key = key
    self.keyHash = keyHash
    self.contentHash = contentHash
    self.bytes = bytes
    self.origin = origin
    self.pretrainingSeconds = pretrainingSeconds
    self.loadSeconds = loadSeconds
    self.progress = progress
  }
}
