import Randomness
import Tensor
import Testing

@Suite struct SplittingBackendTests {}

/// One stored problem: operands with padded leading dimensions, and C's initial values.
private struct StoredProblem: CustomTestStringConvertible {
  let m: Int, n: Int, k: Int
  let transposeA: Bool, transposeB: Bool
  let alpha: Float, beta: Float
  let lda: Int, ldb: Int, ldc: Int
  let a: [Float], b: [Float], c: [Float]

  init(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float, padding: Int, seed: UInt64) {
    (self.m, self.n, self.k) = (m, n, k)
    (self.transposeA, self.transposeB, self.alpha, self.beta) = (transposeA, transposeB, alpha, beta)
    lda = (transposeA ? m : k) + padding
    ldb = (transposeB ? k : n) + padding
    ldc = n + padding
    var rng = SeededGenerator(seed: seed)
    a = (0..<((transposeA ? k : m) * lda)).map { _ in Float(rng.nextNormal()) }
    b = (0..<((transposeB ? n : k) * ldb)).map { _ in Float(rng.nextNormal()) }
    c = (0..<(m * ldc)).map { _ in Float(rng.nextNormal()) }
  }

  var testDescription: String {
    "\(m)x\(n)x\(k) \(transposeA ? "T" : "N")\(transposeB ? "T" : "N") alpha \(alpha) beta \(beta) ld \(lda)/\(ldb)/\(ldc)"
  }

  /// C after `backend` computed the product, as raw bits (padding included).
  func bits(_ backend: any MatrixMultiplyBackend) -> [UInt32] {
    var output = c
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        output.withUnsafeMutableBufferPointer { pc in
          guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
          backend.multiply(
            MatrixMultiplyProblem(
              transposeA: transposeA, transposeB: transposeB, rows: m, columns: n, depth: k, alpha: alpha, a: a, lda: lda,
              b: b, ldb: ldb, beta: beta, c: c, ldc: ldc))
        }
      }
    }
    return output.map(\.bitPattern)
  }
}

/// Problems of the given shapes with every transpose, three (alpha, beta) pairs and padded
/// leading dimensions on every other one.
private func problems(_ shapes: [(Int, Int, Int)]) -> [StoredProblem] {
  var result: [StoredProblem] = []
  for (index, (m, n, k)) in shapes.enumerated() {
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
      for (alpha, beta) in [(Float(1), Float(0)), (0.5, 1), (-1.25, 0.3)] {
        result.append(
          StoredProblem(
            m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta,
            padding: (result.count + index) % 3 == 0 ? 0 : 5, seed: UInt64(result.count + 1)))
      }
    }
  }
  return result
}

private var backends: [any MatrixMultiplyBackend] {
  [PortableBackend()] + (OpenBLASBackend.shared.map { [$0] } ?? [])
}

// MARK: - Bit identity

extension SplittingBackendTests {
  /// Shapes of the methods' products (WeakNAS's 1000-wide layers over batches of 200 and their
  /// gradients), odd sizes, and sides that leave a short last part; rows are cut where they are
  /// the longer side, columns elsewhere (and in `(64, 16, 20_000)`, rows as the only side).
  @Test func splitProductsEqualUnsplitOnesBitForBit() {
    let shapes = [
      (200, 1000, 1000), (1000, 1000, 200), (1000, 200, 1000), (97, 1001, 333), (257, 129, 700), (48, 700, 800), (64, 16, 20_000),
      (33, 1000, 700),
    ]
    for backend in backends {
      let spare = SpareCores()
      spare.donate(3)
      let split = SplittingBackend(backend, spareCores: spare)
      for problem in problems(shapes) {
        let before = spare.sharedProducts
        #expect(problem.bits(split) == problem.bits(backend), "\(backend): \(problem.testDescription)")
        #expect(spare.sharedProducts == before + 1, "\(backend): \(problem.testDescription) was not split")
      }
      #expect(spare.available == 3)
    }
  }

  /// The portable kernel is split-invariant at any row and at multiples of 16 columns, whatever
  /// the size, so the test can split small products into many parts at odd places.
  @Test func portableKernelSplitsAtAnyRowAndAtItsColumnTile() {
    let shapes = [(7, 5, 3), (13, 17, 300), (130, 129, 31), (61, 33, 65), (300, 7, 513), (5, 100, 30), (9, 33, 200)]
    let spare = SpareCores()
    spare.donate(4)
    for (granularity, columnGranularity) in [(1, 16), (3, 32), (6, 16), (7, 48)] {
      let split = SplittingBackend(
        PortableBackend(), spareCores: spare, rowGranularity: granularity, columnGranularity: columnGranularity, minimumPartMultiplyAdds: 1)
      for problem in problems(shapes) {
        #expect(
          problem.bits(split) == problem.bits(PortableBackend()), "granularity \(granularity), \(columnGranularity): \(problem.testDescription)")
      }
    }
    #expect(spare.sharedProducts > 100)
  }

  @Test func withoutSpareCoresNothingIsSplit() {
    let spare = SpareCores()
    let split = SplittingBackend(PortableBackend(), spareCores: spare)
    let problem = StoredProblem(m: 400, n: 300, k: 300, transposeA: false, transposeB: false, alpha: 1, beta: 0, padding: 0, seed: 9)
    #expect(problem.bits(split) == problem.bits(PortableBackend()))
    #expect(spare.sharedProducts == 0)
  }

  @Test func smallProductsAreNotSplit() {
    let spare = SpareCores()
    spare.donate(1)
    let split = SplittingBackend(PortableBackend(), spareCores: spare)
    // 512 x 128 x 128 = 8 Mi multiply-adds: one part's worth.
    let problem = StoredProblem(m: 512, n: 128, k: 128, transposeA: false, transposeB: false, alpha: 1, beta: 0, padding: 0, seed: 3)
    _ = problem.bits(split)
    #expect(spare.sharedProducts == 0)
  }
}

// MARK: - Concurrency

extension SplittingBackendTests {
  /// Several tasks multiplying at once share one spare core; each gets it or runs unsplit.
  @Test func concurrentCallersShareTheSpareCores() async {
    let spare = SpareCores()
    spare.donate(1)
    let split = SplittingBackend(PortableBackend(), spareCores: spare, minimumPartMultiplyAdds: 1 << 16)
    let problem = StoredProblem(m: 256, n: 96, k: 128, transposeA: true, transposeB: false, alpha: 0.5, beta: 1, padding: 2, seed: 5)
    let expected = problem.bits(PortableBackend())
    let allEqual = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<4 {
        group.addTask { (0..<20).allSatisfy { _ in problem.bits(split) == expected } }
      }
      return await group.reduce(true) { $0 && $1 }
    }
    #expect(allEqual)
    #expect(spare.available == 1)
    #expect(spare.sharedProducts > 0)
  }

  @Test(arguments: [(200, 2, 16), (200, 3, 16), (33, 2, 16), (1000, 4, 16), (7, 7, 1), (100, 3, 7)])
  func boundsAreAlignedAndCoverTheSide(rows: Int, parts: Int, granularity: Int) {
    let bounds = SplittingBackend.bounds(length: rows, parts: parts, granularity: granularity)
    #expect(bounds.count == parts + 1)
    #expect(bounds.first == 0 && bounds.last == rows)
    for part in 0..<parts { #expect(bounds[part + 1] - bounds[part] >= granularity) }
    for bound in bounds.dropFirst().dropLast() { #expect(bound % granularity == 0) }
  }
}
