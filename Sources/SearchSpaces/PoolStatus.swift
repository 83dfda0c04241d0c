/// Where an architecture stands with respect to a search space and its pool.
///
/// A generator may make cells that are not architectures of the space at all (`invalid`),
/// cells that are architectures of the space but have no row in the pool (`notInPool`, e.g. a
/// NAS-Bench-Graph architecture the table does not hold), and cells of the pool (`pool`).
/// Whether a pool architecture can be queried is a further question the `Domain` answers.
public enum PoolStatus: Hashable, Sendable, CustomStringConvertible {
  /// Not an architecture of the space (wrong shape, a label outside the vocabulary, a
  /// NAS-Bench-101 cell whose output is unreachable or that keeps more than 9 edges, ...).
  case invalid
  /// A valid architecture of the space that the pool does not hold.
  case notInPool
  /// The pool architecture with this index (after canonicalisation).
  case pool(Int)

  /// The pool index, or `nil` unless the status is `pool`.
  public var poolIndex: Int? {
    if case .pool(let index) = self { return index }
    return nil
  }

  /// Whether the architecture is valid in the space (in the pool or not).
  public var isValid: Bool { self != .invalid }

  /// `invalid`, `not in pool` or `pool index N`.
  public var description: String {
    switch self {
    case .invalid: "invalid"
    case .notInPool: "not in pool"
    case .pool(let index): "pool index \(index)"
    }
  }
}
