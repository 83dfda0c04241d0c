/// The architectures a search method may query, inside the search space they belong to.
///
/// This is everything a method learns about a task before its first query: the space (the
/// unlabelled pool, structure and encodings) and which pool indices have labels. It carries
/// no metric by construction; labels arrive only through observations.
public struct Domain: Sendable {
  /// The search space; its pool is the unlabelled pool.
  public let space: any SearchSpace
  /// Pool indices of the queryable architectures, ascending.
  public let indices: [Int]
  private let membership: [Bool]

  /// Creates a domain from the pool indices that have labels.
  ///
  /// - Precondition: every index is in `0..<space.poolSize`.
  public init(space: any SearchSpace, indices: [Int]) {
    self.space = space
    let sorted = Array(Set(indices)).sorted()
    var membership = [Bool](repeating: false, count: space.poolSize)
    for index in sorted {
      precondition(index >= 0 && index < space.poolSize, "domain index \(index) outside pool of \(space.poolSize)")
      membership[index] = true
    }
    self.indices = sorted
    self.membership = membership
  }

  /// Number of queryable architectures.
  public var count: Int { indices.count }

  /// Whether the pool index `poolIndex` can be queried.
  public func contains(_ poolIndex: Int) -> Bool {
    poolIndex >= 0 && poolIndex < membership.count && membership[poolIndex]
  }

  /// Whether every architecture of the pool can be queried.
  public var coversPool: Bool { indices.count == space.poolSize }
}
