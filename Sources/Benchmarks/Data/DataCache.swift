#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process-wide cache of loaded benchmark tables and verified checksums.
///
/// Many tasks of one family share one loaded table. Loading happens under a recursive lock
/// (a loader may need another cached table), so two threads asking for the same table load
/// it once.
final class DataCache: @unchecked Sendable {
  /// The one cache of this process.
  static let shared = DataCache()

  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var values: [String: any Sendable] = [:]
  private var checksums: [String: String] = [:]

  private init() {
    mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    var attributes = pthread_mutexattr_t()
    pthread_mutexattr_init(&attributes)
    pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
    pthread_mutex_init(mutex, &attributes)
    pthread_mutexattr_destroy(&attributes)
  }

  /// The value stored under `key`, loading and storing it with `load` on first use.
  ///
  /// - Throws: whatever `load` throws (nothing is stored then).
  func value<Value: Sendable>(for key: String, load: () throws -> Value) throws -> Value {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    if let cached = values[key] as? Value { return cached }
    let loaded = try load()
    values[key] = loaded
    return loaded
  }

  /// Forgets the value stored under `key` (and every verified checksum: a rewritten file must
  /// be verified again).
  func removeValue(for key: String) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    values[key] = nil
    checksums.removeAll()
  }

  /// Records that the file at `path` matched its checksum.
  func recordVerified(_ path: String, checksum: String) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    checksums[path] = checksum
  }

  /// The checksum of `path` if it was verified in this process.
  func verifiedChecksum(_ path: String) -> String? {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return checksums[path]
  }
}
