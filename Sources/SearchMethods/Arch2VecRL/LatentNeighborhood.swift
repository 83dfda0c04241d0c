/// The domain's architectures as points of a latent space, with which of them are visited:
/// arch2vec-RL's environment, which turns an action (a point) into the architecture to query.
///
/// The rows are copied once, contiguously in domain order, so a search is one pass over
/// `count x dimensions` floats with no allocation.
public struct LatentNeighborhood: Sendable {
  /// Which unvisited architecture an action selects.
  public enum Rule: String, SettingChoice {
    /// The unvisited architecture nearest to the action.
    case first
    /// arch2vec's NAS-Bench-201 code: the candidates sorted by distance are read from the
    /// second on, so the architecture nearest to the action is never taken, visited or not;
    /// the nearest unvisited one among the others is (the nearest itself only when it is the
    /// last unvisited architecture, where the source fails).
    case skipFirst
  }

  /// Values per point.
  public let dimensions: Int
  /// Pool indices, in domain order.
  public let poolIndices: [Int]
  private let rows: [Float]
  private var visited: [Bool]
  private let positionByPoolIndex: [Int: Int]
  /// Number of visited architectures.
  public private(set) var visitedCount = 0

  /// The architectures `poolIndices` with their rows of `values` (`dimensions` values per pool
  /// index, row-major by pool index), none visited.
  public init(poolIndices: [Int], values: [Float], dimensions: Int) {
    precondition(dimensions > 0, "LatentNeighborhood: dimensions must be positive, got \(dimensions)")
    self.dimensions = dimensions
    self.poolIndices = poolIndices
    var rows = [Float](repeating: 0, count: poolIndices.count * dimensions)
    for (position, index) in poolIndices.enumerated() {
      precondition((index + 1) * dimensions <= values.count, "LatentNeighborhood: no row for pool index \(index)")
      for j in 0..<dimensions { rows[position * dimensions + j] = values[index * dimensions + j] }
    }
    self.rows = rows
    visited = Array(repeating: false, count: poolIndices.count)
    positionByPoolIndex = Dictionary(poolIndices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Number of architectures.
  public var count: Int { poolIndices.count }

  /// Whether every architecture is visited.
  public var isExhausted: Bool { visitedCount >= count }

  /// The row of `poolIndex` (`dimensions` values), or `nil` when it is not in the domain.
  public func point(of poolIndex: Int) -> [Float]? {
    guard let position = positionByPoolIndex[poolIndex] else { return nil }
    return Array(rows[(position * dimensions)..<((position + 1) * dimensions)])
  }

  /// Marks `poolIndex` visited (architectures outside the domain are ignored).
  public mutating func visit(_ poolIndex: Int) {
    guard let position = positionByPoolIndex[poolIndex], !visited[position] else { return }
    visited[position] = true
    visitedCount += 1
  }

  /// Whether `poolIndex` is visited.
  public func isVisited(_ poolIndex: Int) -> Bool {
    positionByPoolIndex[poolIndex].map { visited[$0] } ?? false
  }

  /// The pool index `rule` selects for `action` in Euclidean distance, ties to the earlier
  /// domain position; `nil` when every architecture is visited.
  ///
  /// - Complexity: O(`count` x `dimensions`).
  public func select(nearestTo action: [Float], rule: Rule) -> Int? {
    precondition(action.count == dimensions, "LatentNeighborhood: an action of \(action.count) values, expected \(dimensions)")
    var nearest = (position: -1, distance: Float.infinity)
    var firstUnvisited = (position: -1, distance: Float.infinity)
    var secondUnvisited = (position: -1, distance: Float.infinity)
    rows.withUnsafeBufferPointer { rows in
      action.withUnsafeBufferPointer { action in
        for position in 0..<count {
          var distance: Float = 0
          let base = position * dimensions
          for j in 0..<dimensions {
            let difference = rows[base + j] - action[j]
            distance += difference * difference
          }
          if distance < nearest.distance { nearest = (position, distance) }
          guard !visited[position] else { continue }
          if distance < firstUnvisited.distance {
            secondUnvisited = firstUnvisited
            firstUnvisited = (position, distance)
          } else if distance < secondUnvisited.distance {
            secondUnvisited = (position, distance)
          }
        }
      }
    }
    guard firstUnvisited.position >= 0 else { return nil }
    switch rule {
    case .first:
      return poolIndices[firstUnvisited.position]
    case .skipFirst:
      let skipped = firstUnvisited.position == nearest.position && secondUnvisited.position >= 0
      return poolIndices[skipped ? secondUnvisited.position : firstUnvisited.position]
    }
  }
}
