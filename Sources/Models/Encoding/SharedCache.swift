internal import Foundation

/// A process-wide, thread-safe memo of values that every trial of a task can share read-only
/// (the encoded domain, the domain's graphs).
///
/// Trials run in parallel tasks; the first one to ask for a key builds the value while holding
/// the lock, the others wait and then reuse it. Values are never evicted: they are a few
/// megabytes per (space, encoding, domain).
final class SharedCache<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [String: Value] = [:]

  init() {}

  /// The value stored under `key`, built by `make` on first use.
  func value(for key: String, make: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let value = values[key] { return value }
    let value = make()
    values[key] = value
    return value
  }
}
