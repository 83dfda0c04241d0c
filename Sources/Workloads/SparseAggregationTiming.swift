import Randomness
import Tensor

/// The time of one sparse graph aggregation at the size a semi-supervised assessor uses: a
/// k-nearest-neighbour graph of 10,000 architectures (10 neighbours each, row-normalised)
/// times 64 features per node, `Tensor.sparseProduct` forward and backward.
public struct SparseAggregationTiming: Sendable {
  /// Nodes of the graph.
  public let nodes: Int
  /// Stored entries per row.
  public let neighbours: Int
  /// Features per node.
  public let features: Int
  /// Milliseconds of one forward product.
  public let forwardMilliseconds: Double
  /// Milliseconds of one forward product and its backward pass (features' gradient).
  public let forwardBackwardMilliseconds: Double

  /// Times the product, repeating each measurement until `minimumSeconds` have passed.
  static func measure(nodes: Int = 10_000, neighbours: Int = 10, features: Int = 64, minimumSeconds: Double) -> SparseAggregationTiming {
    var rng = SeededGenerator(seed: 10)
    var entries: [(row: Int, column: Int, value: Float)] = []
    entries.reserveCapacity(nodes * neighbours)
    for i in 0..<nodes {
      var chosen = Set<Int>()
      while chosen.count < neighbours { chosen.insert(rng.nextInt(below: nodes)) }
      for j in chosen { entries.append((i, j, 1 / Float(neighbours))) }
    }
    let matrix = SparseMatrix(rowCount: nodes, columnCount: nodes, entries: entries)
    let x = Tensor(randomNormal: [nodes, features], requiresGradient: true, using: &rng)
    let forward = milliseconds(minimumSeconds: minimumSeconds) { _ = withoutGradients { Tensor.sparseProduct(matrix, x) } }
    let both = milliseconds(minimumSeconds: minimumSeconds) {
      Tensor.sparseProduct(matrix, x).sum().backward()
      x.zeroGradient()
    }
    return SparseAggregationTiming(
      nodes: nodes, neighbours: neighbours, features: features, forwardMilliseconds: forward, forwardBackwardMilliseconds: both)
  }

  /// The mean milliseconds of `body` over repetitions lasting at least `minimumSeconds` (after one warm-up call).
  private static func milliseconds(minimumSeconds: Double, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    body()
    var repetitions = 0
    let start = clock.now
    var elapsed = 0.0
    repeat {
      body()
      repetitions += 1
      elapsed = (clock.now - start).seconds
    } while elapsed < minimumSeconds
    return elapsed / Double(repetitions) * 1000
  }
}
