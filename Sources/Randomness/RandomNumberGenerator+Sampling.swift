/// Sampling primitives with results fixed by this project, not by the standard library.
///
/// The standard library documents that `random(in:using:)` and `shuffled(using:)` may change
/// their algorithms between releases; a benchmark harness that promises bit-identical logs
/// cannot depend on that, so everything random in NASArena goes through these.
extension RandomNumberGenerator {
  /// A uniform integer in `0..<bound` (Lemire's nearly divisionless method).
  ///
  /// - Precondition: `bound > 0`.
  @inlinable
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "nextInt(below:) needs a positive bound, got \(bound)")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A uniform double in `[0, 1)` with 53 random bits.
  @inlinable
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A standard normal variate (Box-Muller; one of the pair is discarded to keep no state).
  @inlinable
  public mutating func nextNormal() -> Double {
    var u1 = nextUnit()
    while u1 <= .leastNormalMagnitude { u1 = nextUnit() }
    let u2 = nextUnit()
    return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
  }

  /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
  ///
  /// - Complexity: O(n).
  public mutating func nextIndex(weightedBy weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    precondition(total > 0, "nextIndex(weightedBy:) needs a positive total weight")
    var target = nextUnit() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex { $0 > 0 } ?? 0
  }

  /// `count` distinct integers from `0..<population`, in random order.
  ///
  /// Uses a partial Fisher-Yates shuffle for dense draws and rejection with a set for sparse
  /// ones, so drawing 10 of 423,624 does not allocate the population.
  /// - Complexity: O(count) expected for sparse draws, O(population) for dense ones.
  public mutating func sampleWithoutReplacement(_ count: Int, from population: Int) -> [Int] {
    precondition(count >= 0 && count <= population, "cannot draw \(count) of \(population)")
    if count * 4 < population {
      var chosen = Set<Int>(minimumCapacity: count)
      var result: [Int] = []
      result.reserveCapacity(count)
      while result.count < count {
        let candidate = nextInt(below: population)
        if chosen.insert(candidate).inserted { result.append(candidate) }
      }
      return result
    }
    var all = Array(0..<population)
    for i in 0..<count {
      let j = i + nextInt(below: population - i)
      all.swapAt(i, j)
    }
    return Array(all.prefix(count))
  }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
  /// Shuffles in place with Fisher-Yates, using `nextInt(below:)` so the order is stable
  /// across Swift releases.
  public mutating func stableShuffle(using rng: inout some RandomNumberGenerator) {
    guard count > 1 else { return }
    for offset in stride(from: count - 1, to: 0, by: -1) {
      let j = rng.nextInt(below: offset + 1)
      swapAt(startIndex + offset, startIndex + j)
    }
  }
}

extension RandomAccessCollection where Index == Int {
  /// A uniformly chosen element, or `nil` when empty (stable across Swift releases).
  public func stableRandomElement(using rng: inout some RandomNumberGenerator) -> Element? {
    isEmpty ? nil : self[startIndex + rng.nextInt(below: count)]
  }
}
