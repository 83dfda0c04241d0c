import Randomness
import SearchSpaces

/// What a method has learned so far in a trial: the signal of every queried architecture.
///
/// Most methods need the same bookkeeping (was this queried, what was its signal, which is
/// best), so it lives here once.
public struct ObservationMemory: Sendable {
  /// Signals by pool index, in the order they were first observed.
  public private(set) var signals: [Int: Double] = [:]
  /// Pool indices in the order they were first observed.
  public private(set) var order: [Int] = []
  /// The pool index with the best signal so far (the earliest on ties).
  public private(set) var best: (poolIndex: Int, signal: Double)?

  /// Creates an empty memory.
  public init() {}

  /// Records the signals in `observations` (refused and unevaluated ones are ignored).
  public mutating func record(_ observations: [Observation]) {
    for observation in observations {
      guard let index = observation.poolIndex, let signal = observation.signal else { continue }
      record(index, signal: signal)
    }
  }

  /// Records one signal.
  public mutating func record(_ poolIndex: Int, signal: Double) {
    guard signals[poolIndex] == nil else { return }
    signals[poolIndex] = signal
    order.append(poolIndex)
    if let current = best, current.signal >= signal { return }
    best = (poolIndex, signal)
  }

  /// Whether `poolIndex` has been queried.
  public func contains(_ poolIndex: Int) -> Bool { signals[poolIndex] != nil }

  /// The signal of `poolIndex`, if queried.
  public subscript(poolIndex: Int) -> Double? { signals[poolIndex] }

  /// Number of queried architectures.
  public var count: Int { order.count }

  /// Up to `count` unqueried architectures of `domain`, not in `excluded`, drawn uniformly
  /// without replacement (the random sample a predictor ranks to fill a short round).
  public func unqueriedSample(
    _ count: Int, of domain: Domain, excluding excluded: Set<Int> = [], using rng: inout SeededGenerator
  ) -> [Int] {
    let unqueried = domain.indices.filter { !contains($0) && !excluded.contains($0) }
    return rng.sampleWithoutReplacement(min(count, unqueried.count), from: unqueried.count).map { unqueried[$0] }
  }
}
