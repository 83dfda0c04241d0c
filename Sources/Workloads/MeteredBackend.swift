import Tensor

/// A backend wrapper that counts the FLOPs (`2 m n k` per product) and the time spent in matrix
/// products, so a training epoch can be compared with the raw matmul rate.
///
/// It is mutable and therefore used by one task at a time (`NumericsTiming` installs it for a
/// synchronous epoch only, `nasarena perf --section trials` for trials run by one worker),
/// hence `@unchecked Sendable`.
public final class MeteredBackend: MatrixMultiplyBackend, @unchecked Sendable {
  /// The backend that does the products.
  public let base: any MatrixMultiplyBackend
  /// Floating-point operations of the products so far.
  public private(set) var flops: Double = 0
  /// Seconds spent in the products so far.
  public private(set) var seconds: Double = 0
  private let clock = ContinuousClock()

  /// Wraps `base` with zero counts.
  public init(_ base: any MatrixMultiplyBackend) {
    self.base = base
  }

  public var description: String { base.description }

  /// Forgets the counts (after a warm-up).
  public func reset() {
    flops = 0
    seconds = 0
  }

  public func multiply(_ problem: MatrixMultiplyProblem) {
    let start = clock.now
    base.multiply(problem)
    seconds += (clock.now - start).seconds
    flops += 2 * Double(problem.rows) * Double(problem.columns) * Double(problem.depth)
  }
}

extension Duration {
  /// The duration in seconds as a `Double`.
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}

/// Measures the sustained rate of one matrix-product shape on one backend.
public enum MatrixMultiplyMeter {
  /// GF/s of `[m, k] · [k, n]`, repeated until at least `minimumSeconds` have passed.
  public static func gigaflops(
    _ backend: any MatrixMultiplyBackend, m: Int, n: Int, k: Int, minimumSeconds: Double
  ) -> Double {
    let a = [Float](repeating: 0.5, count: m * k)
    let b = [Float](repeating: 0.25, count: k * n)
    var c = [Float](repeating: 0, count: m * n)
    let clock = ContinuousClock()
    var repetitions = 0
    var elapsed = 0.0
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
          let problem = MatrixMultiplyProblem(rows: m, columns: n, depth: k, a: a, b: b, c: c)
          backend.multiply(problem)  // warm-up: page in buffers, let OpenBLAS initialise
          let start = clock.now
          repeat {
            backend.multiply(problem)
            repetitions += 1
            elapsed = (clock.now - start).seconds
          } while elapsed < minimumSeconds
        }
      }
    }
    return 2 * Double(m) * Double(n) * Double(k) * Double(repetitions) / elapsed / 1e9
  }
}
