import Randomness
import Tensor
import Testing

@Suite struct StructuralGradientTests {
  static let tolerance = 1e-2
}

// MARK: - Reductions and normalisation

extension StructuralGradientTests {
  @Test func reductionsMatchFiniteDifferences() {
    #expect(gradientError([[2, 3, 4]]) { $0[0].sum() } < Self.tolerance)
    #expect(gradientError([[2, 3, 4]]) { $0[0].mean() } < Self.tolerance)
    #expect(gradientError([[2, 3, 4]]) { $0[0].sum(alongAxes: [1]) } < Self.tolerance)
    #expect(gradientError([[2, 3, 4]]) { $0[0].mean(alongAxes: [0, 2], keepingDimensions: true) } < Self.tolerance)
    #expect(gradientError([[2, 3, 4]]) { $0[0].sum(alongAxes: [-1]) } < Self.tolerance)
  }

  @Test func reductionValuesAndShapesAreCorrect() {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(x.sum().scalar == 21)
    #expect(x.sum(alongAxes: [0]).scalars == [5, 7, 9])
    #expect(x.mean(alongAxes: [1], keepingDimensions: true).shape == [2, 1])
    #expect(x.mean(alongAxes: [1]).scalars == [2, 5])
  }

  @Test func softmaxFamilyMatchesFiniteDifferences() {
    #expect(gradientError([[3, 5]]) { $0[0].softmax() } < Self.tolerance)
    #expect(gradientError([[3, 5]]) { $0[0].logSoftmax() } < Self.tolerance)
    #expect(gradientError([[3, 6]]) { $0[0].standardized() } < Self.tolerance)
  }

  @Test func softmaxRowsSumToOneEvenForLargeLogits() {
    let p = Tensor(shape: [2, 3], scalars: [1000, 1001, 1002, -5, 0, 5]).softmax()
    let rows = p.sum(alongAxes: [1]).scalars
    #expect(maximumDifference(rows, [1, 1]) < 1e-6)
    let logP = Tensor(shape: [1, 3], scalars: [1000, 1001, 1002]).logSoftmax()
    #expect(maximumDifference(logP.scalars, [-2.407_606, -1.407_606, -0.407_606]) < 1e-4)
  }
}

// MARK: - Matrix products

extension StructuralGradientTests {
  @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
  func matmulMatchesFiniteDifferencesForEveryTransposition(transposeA: Bool, transposeB: Bool) {
    let a = transposeA ? [4, 3] : [3, 4]
    let b = transposeB ? [5, 4] : [4, 5]
    #expect(gradientError([a, b]) { Tensor.matmul($0[0], $0[1], transposeA: transposeA, transposeB: transposeB) } < Self.tolerance)
    #expect(gradientError([[2] + a, [2] + b]) { Tensor.matmul($0[0], $0[1], transposeA: transposeA, transposeB: transposeB) } < Self.tolerance)
    #expect(gradientError([[2] + a, b]) { Tensor.matmul($0[0], $0[1], transposeA: transposeA, transposeB: transposeB) } < Self.tolerance)
    #expect(gradientError([a, [2] + b]) { Tensor.matmul($0[0], $0[1], transposeA: transposeA, transposeB: transposeB) } < Self.tolerance)
  }

  @Test func batchedMatmulEqualsPerEntryProducts() {
    let inputs = makeInputs([[3, 2, 4], [3, 4, 5], [4, 5]], seed: 3)
    let batched = Tensor.matmul(inputs[0], inputs[1])
    let shared = Tensor.matmul(inputs[0], inputs[2])
    for i in 0..<3 {
      #expect(maximumDifference(batched[i].scalars, inputs[0][i].matmul(inputs[1][i]).scalars) < 1e-5)
      #expect(maximumDifference(shared[i].scalars, inputs[0][i].matmul(inputs[2]).scalars) < 1e-5)
    }
  }
}

// MARK: - Shapes, slices and indexing

extension StructuralGradientTests {
  @Test func shapeOpsMatchFiniteDifferences() {
    #expect(gradientError([[2, 6]]) { $0[0].reshaped([3, -1]) * $0[0].reshaped([3, 4]) } < Self.tolerance)
    #expect(gradientError([[3, 4]]) { $0[0].transposed() } < Self.tolerance)
    #expect(gradientError([[2, 3, 4]]) { $0[0].permuted([2, 0, 1]) } < Self.tolerance)
    #expect(gradientError([[4, 3]]) { $0[0].slice(alongAxis: 0, 1..<3) } < Self.tolerance)
    #expect(gradientError([[2, 5, 3]]) { $0[0].slice(alongAxis: 1, 1..<4) } < Self.tolerance)
    #expect(gradientError([[3, 2, 2]]) { $0[0][1] * $0[0][2] } < Self.tolerance)
    #expect(gradientError([[2, 5]]) { $0[0].split(sizes: [2, 3], alongAxis: 1)[1] } < Self.tolerance)
    #expect(gradientError([[2, 3], [2, 2]]) { Tensor.concatenate([$0[0], $0[1], $0[0]], alongAxis: 1) } < Self.tolerance)
    #expect(gradientError([[2, 3], [1, 3]]) { Tensor.concatenate([$0[0], $0[1]], alongAxis: 0) } < Self.tolerance)
  }

  @Test func indexingOpsMatchFiniteDifferences() {
    #expect(gradientError([[4, 3]]) { $0[0].gathered(atIndices: [2, 0, 2]) } < Self.tolerance)
    #expect(gradientError([[2, 4, 3]]) { $0[0].gathered(atIndices: [3, 1], alongAxis: 1) } < Self.tolerance)
    #expect(gradientError([[3, 4]]) { $0[0].gathered(alongLastAxis: [1, 3, 0]) } < Self.tolerance)
    let mask = Tensor(shape: [1, 4], scalars: [0, 1, 0, 1])
    #expect(gradientError([[3, 4]]) { $0[0].maskedFill(mask, with: -1e9).softmax() } < Self.tolerance)
  }

  @Test func shapeOpValuesAreCorrect() {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(x.transposed().scalars == [1, 4, 2, 5, 3, 6])
    #expect(x.slice(alongAxis: 1, 1..<3).scalars == [2, 3, 5, 6])
    #expect(Tensor.concatenate([x, x], alongAxis: 1).scalars == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    #expect(x.gathered(atIndices: [1, 1, 0]).scalars == [4, 5, 6, 4, 5, 6, 1, 2, 3])
    #expect(x.gathered(alongLastAxis: [2, 0]).scalars == [3, 4])
    #expect(x.maskedFill(Tensor(shape: [2, 1], scalars: [1, 0]), with: 0).scalars == [0, 0, 0, 4, 5, 6])
    #expect(x[1].shape == [3])
    #expect(x[1].scalars == [4, 5, 6])
  }
}

// MARK: - Categorical sampling

extension StructuralGradientTests {
  @Test func straightThroughOneHotIsOneHotWithIdentityGradient() {
    let logits = Tensor(shape: [2, 3], scalars: [0.1, 0.7, 0.2, 0.9, 0.05, 0.05], requiresGradient: true)
    let oneHot = logits.straightThroughOneHot()
    #expect(oneHot.scalars == [0, 1, 0, 1, 0, 0])
    let weights = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    (oneHot * weights).sum().backward()
    #expect(logits.gradient?.scalars == [1, 2, 3, 4, 5, 6])
  }

  @Test func gumbelSoftmaxMatchesFiniteDifferencesWithFixedNoise() {
    let error = gradientError([[2, 4]]) { inputs in
      var rng = SeededGenerator(seed: 11)
      return inputs[0].gumbelSoftmax(temperature: 0.7, using: &rng)
    }
    #expect(error < Self.tolerance)
  }

  @Test func hardGumbelSamplesFollowTheLogits() {
    var rng = SeededGenerator(seed: 5)
    let probabilities: [Float] = [0.6, 0.3, 0.1]
    let logProbabilities = Tensor(shape: [1, 3], scalars: probabilities).log()
    var counts = [0, 0, 0]
    for _ in 0..<3000 {
      let sample = logProbabilities.gumbelSoftmax(temperature: 1, hard: true, using: &rng).scalars
      counts[sample.firstIndex(of: 1) ?? 0] += 1
    }
    for (count, p) in zip(counts, probabilities) {
      #expect(Swift.abs(Double(count) / 3000 - Double(p)) < 0.03)
    }
  }
}
