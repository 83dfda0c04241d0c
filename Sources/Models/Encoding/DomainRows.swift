import Randomness
import SearchSpaces

/// The row of each domain architecture in per-domain matrices (encodings, graphs).
///
/// Row `r` holds the domain's `r`-th pool index (`Domain.indices` is ascending), so a matrix
/// over the domain is contiguous and a pool index finds its row in O(1).
public struct DomainRows: Sendable {
  /// The domain's pool indices, ascending; row `r` is `poolIndices[r]`.
  public let poolIndices: [Int]
  private let rowOfPoolIndex: [Int32]
  /// A key naming the space and the exact set of indices, for shared caches.
  public let cacheKey: String

  /// The rows of `domain`.
  ///
  /// - Complexity: O(pool size).
  public init(_ domain: Domain) {
    poolIndices = domain.indices
    var rows = [Int32](repeating: -1, count: domain.space.poolSize)
    var hash = StableHash.of(domain.space.name)
    for (row, index) in domain.indices.enumerated() {
      rows[index] = Int32(row)
      hash = StableHash.combine(hash, UInt64(index))
    }
    rowOfPoolIndex = rows
    cacheKey = "\(domain.space.name)|\(domain.count)|\(hash)"
  }

  /// Number of rows (domain architectures).
  public var count: Int { poolIndices.count }

  /// The row of `poolIndex`, or `nil` when it is outside the domain.
  public func row(of poolIndex: Int) -> Int? {
    guard poolIndex >= 0, poolIndex < rowOfPoolIndex.count else { return nil }
    let row = rowOfPoolIndex[poolIndex]
    return row >= 0 ? Int(row) : nil
  }
}
