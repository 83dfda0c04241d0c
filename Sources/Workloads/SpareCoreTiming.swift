import Tensor

/// How fast one matrix product runs on one core and with spare cores lent to it through
/// `SplittingBackend` (what a trial at a suite's tail gets; `nasarena perf --section tail-cores`).
public struct SpareCoreTiming: Sendable {
  /// Rows of `C` (`m`), its columns (`n`) and the depth (`k`) of `[m, k] · [k, n]`.
  public let rows: Int, columns: Int, depth: Int
  /// Microseconds per product on the caller's core alone (best of the repeats).
  public let oneCoreMicroseconds: Double
  /// Microseconds per product with the spare cores lent (best of the repeats).
  public let sharedMicroseconds: Double

  /// One core's time over the shared time.
  public var speedUp: Double { oneCoreMicroseconds / sharedMicroseconds }

  /// Times `[m, k] · [k, n]` on `base` alone and split over `spareCores` more cores, the two
  /// interleaved `repeats` times, each for at least `minimumSeconds`.
  ///
  /// - Parameters:
  ///   - minimumPartMultiplyAdds: The splitting threshold; lower than the default to time the
  ///     hand-off on products the runner would not split.
  public static func measure(
    _ base: any MatrixMultiplyBackend, m: Int, n: Int, k: Int, spareCores: Int = 1, minimumPartMultiplyAdds: Int = 8 << 20,
    repeats: Int = 3, minimumSeconds: Double = 0.3
  ) -> SpareCoreTiming {
    let pool = SpareCores()
    pool.donate(spareCores)
    let split = SplittingBackend(base, spareCores: pool, minimumPartMultiplyAdds: minimumPartMultiplyAdds)
    var one = 0.0
    var shared = 0.0
    for _ in 0..<repeats {
      one = max(one, MatrixMultiplyMeter.gigaflops(base, m: m, n: n, k: k, minimumSeconds: minimumSeconds))
      shared = max(shared, MatrixMultiplyMeter.gigaflops(split, m: m, n: n, k: k, minimumSeconds: minimumSeconds))
    }
    let flops = 2 * Double(m) * Double(n) * Double(k)
    return SpareCoreTiming(
      rows: m, columns: n, depth: k, oneCoreMicroseconds: flops / one / 1e3, sharedMicroseconds: flops / shared / 1e3)
  }
}
