import Randomness
import SearchSpaces

/// The trial's shared stream of distinct, uniformly random domain architectures.
///
/// Methods that start from k random architectures take the first k of this stream, so trial i
/// of every such method starts from the same sample (PROTOCOL.md section 3); random search reads
/// the whole stream. The stream depends only on the trial seed and the domain, and every method
/// gets its own copy, so what one method reads does not change what another sees.
///
/// It is a lazy Fisher-Yates shuffle of the domain with the swaps kept in a dictionary, so
/// drawing k architectures costs O(k) time and memory however large the domain is.
public struct InitialDesign: Sendable {
  private let domain: [Int]
  private var generator: SeededGenerator
  private var swaps: [Int: Int] = [:]
  /// Number of architectures drawn so far.
  public private(set) var drawn = 0

  /// Creates the stream for a domain from a seed.
  public init(domain: Domain, seed: UInt64) {
    self.domain = domain.indices
    self.generator = SeededGenerator(seed: seed)
  }

  /// Whether every domain architecture has been drawn.
  public var isExhausted: Bool { drawn >= domain.count }

  /// The next architecture of the stream (a pool index), or `nil` when the domain is used up.
  ///
  /// - Complexity: O(1) expected.
  public mutating func next() -> Int? {
    guard drawn < domain.count else { return nil }
    let j = drawn + generator.nextInt(below: domain.count - drawn)
    let atJ = swaps[j] ?? j
    let atDrawn = swaps[drawn] ?? drawn
    swaps[j] = atDrawn
    swaps[drawn] = nil
    drawn += 1
    return domain[atJ]
  }

  /// The next `count` architectures (fewer when the domain runs out).
  public mutating func next(_ count: Int) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(count)
    while result.count < count, let index = next() { result.append(index) }
    return result
  }

  /// The next `count` architectures as proposals marked `initial` (logged as initial design).
  public mutating func proposals(_ count: Int) -> [Proposal] {
    next(count).map { Proposal.poolIndex($0, initial: true) }
  }

  /// The next architecture that `isWanted` accepts (e.g. not yet queried), or `nil`.
  public mutating func next(where isWanted: (Int) -> Bool) -> Int? {
    while let index = next() {
      if isWanted(index) { return index }
    }
    return nil
  }
}
