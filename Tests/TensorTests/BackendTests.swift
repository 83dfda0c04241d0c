import Randomness
import Tensor
import Testing

@Suite struct BackendTests {}

/// `C = alpha * op(A) op(B) + beta * C` in Float64, the reference for both backends.
private func referenceProduct(
  _ a: [Float], _ b: [Float], _ c: [Float], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool,
  alpha: Float, beta: Float
) -> [Float] {
  var result = c
  for i in 0..<m {
    for j in 0..<n {
      var total = 0.0
      for p in 0..<k {
        let x = transposeA ? a[p * m + i] : a[i * k + p]
        let y = transposeB ? b[j * k + p] : b[p * n + j]
        total += Double(x) * Double(y)
      }
      result[i * n + j] = Float(Double(alpha) * total + Double(beta) * Double(c[i * n + j]))
    }
  }
  return result
}

/// Runs `backend` on one problem and returns C.
private func product(
  _ backend: any MatrixMultiplyBackend, _ a: [Float], _ b: [Float], _ c: [Float], m: Int, n: Int, k: Int,
  transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float
) -> [Float] {
  var output = c
  a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      output.withUnsafeMutableBufferPointer { pc in
        guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
        backend.multiply(
          MatrixMultiplyProblem(
            transposeA: transposeA, transposeB: transposeB, rows: m, columns: n, depth: k, alpha: alpha, a: a,
            b: b, beta: beta, c: c))
      }
    }
  }
  return output
}

// MARK: - Agreement

extension BackendTests {
  @Test(arguments: [
    (1, 1, 1), (5, 7, 3), (6, 16, 256), (13, 17, 300), (97, 33, 65), (8, 64, 64), (130, 129, 31), (7, 300, 513),
  ])
  func backendsAgreeWithTheReference(m: Int, n: Int, k: Int) throws {
    var rng = SeededGenerator(seed: UInt64(m * 1000 + n * 10 + k))
    let a = (0..<(m * k)).map { _ in Float(rng.nextNormal()) }
    let b = (0..<(k * n)).map { _ in Float(rng.nextNormal()) }
    let c = (0..<(m * n)).map { _ in Float(rng.nextNormal()) }
    var backends: [any MatrixMultiplyBackend] = [PortableBackend()]
    if let openBLAS = OpenBLASBackend.shared { backends.append(openBLAS) }
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
      for (alpha, beta) in [(Float(1), Float(0)), (0.5, 1), (-1, 0.25)] {
        let expected = referenceProduct(
          a, b, c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
        for backend in backends {
          let actual = product(
            backend, a, b, c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, alpha: alpha,
            beta: beta)
          // Sums of k products of unit normals: rounding grows like sqrt(k) * eps * scale.
          #expect(maximumDifference(actual, expected) < 1e-4 * Float(k).squareRoot() * 4, "\(backend)")
        }
      }
    }
  }

  @Test func betaZeroOverwritesGarbageInTheOutput() {
    let a: [Float] = [1, 2, 3, 4]
    let c = [Float](repeating: .nan, count: 4)
    let result = product(PortableBackend(), a, a, c, m: 2, n: 2, k: 2, transposeA: false, transposeB: false, alpha: 1, beta: 0)
    #expect(result == [7, 10, 15, 22])
  }
}

// MARK: - Selection

extension BackendTests {
  @Test func explicitPortableChoiceIsPortable() throws {
    #expect(try Backends.select(.portable).description == "portable")
    #expect(try Backends.select(.automatic, environment: "portable").description == "portable")
  }

  @Test func automaticChoicePrefersOpenBLASWhenPresent() throws {
    let chosen = try Backends.select(.automatic, environment: nil)
    if let openBLAS = OpenBLASBackend.shared {
      #expect(chosen.description == openBLAS.description)
      #expect(chosen.description.hasPrefix("openblas ("))
      #expect(chosen.description.hasSuffix("), 1 thread"))
    } else {
      #expect(chosen.description == "portable")
      #expect(throws: BackendError.openBLASUnavailable(searched: OpenBLASBackend.candidatePaths)) {
        try Backends.select(.openBLAS)
      }
    }
  }

  @Test func unknownEnvironmentValueIsRejectedWithTheAllowedNames() {
    #expect(throws: BackendError.unknownChoice("mkl", source: "NASARENA_MATMUL")) {
      try Backends.select(.automatic, environment: "mkl")
    }
    #expect(
      BackendError.unknownChoice("mkl", source: "NASARENA_MATMUL").description
        == "NASARENA_MATMUL: unknown matmul backend 'mkl'; allowed: auto, openblas, portable")
  }

  @Test func choicesRoundTripThroughTheirRawValues() {
    #expect(BackendChoice.allCases.map(\.rawValue) == ["auto", "openblas", "portable"])
    #expect(BackendChoice(rawValue: "openblas") == .openBLAS)
  }

  @Test func theTaskLocalBackendIsUsedByMatmul() {
    let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    let viaPortable = Backends.$current.withValue(PortableBackend()) {
      (Backends.current.description, a.matmul(a).scalars)
    }
    #expect(viaPortable.0 == "portable")
    #expect(viaPortable.1 == [7, 10, 15, 22])
  }
}
