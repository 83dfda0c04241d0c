import NeuralNetworks
import Randomness
import Tensor
import Testing

@Suite struct LossAndOptimizerTests {
  static let tolerance = 1e-2
}

// MARK: - Losses

extension LossAndOptimizerTests {
  @Test func lossValuesMatchHandComputedOnes() {
    let p = Tensor(shape: [2], scalars: [1, 3])
    let t = Tensor(shape: [2], scalars: [2, 1])
    #expect(Swift.abs(Loss.meanSquaredError(p, t).scalar - 2.5) < 1e-6)
    #expect(Swift.abs(Loss.meanAbsoluteError(p, t).scalar - 1.5) < 1e-6)
    // BCE(z = 0, y) = log 2 whatever y is.
    let bce = Loss.binaryCrossEntropy(logits: Tensor(zeros: [3]), targets: Tensor(shape: [3], scalars: [0, 1, 0.5]))
    #expect(Swift.abs(bce.scalar - 0.693_147) < 1e-5)
    // Weight 0 drops an element from the sum but not from the count: 2 log 2 / 3.
    let weighted = Loss.binaryCrossEntropy(
      logits: Tensor(zeros: [3]), targets: Tensor(shape: [3], scalars: [0, 1, 0.5]), weights: Tensor(shape: [3], scalars: [1, 0, 1]))
    #expect(Swift.abs(weighted.scalar - 2 * 0.693_147 / 3) < 1e-5)
    let ce = Loss.crossEntropy(logits: Tensor(shape: [1, 2], scalars: [0, 0]), labels: [1])
    #expect(Swift.abs(ce.scalar - 0.693_147) < 1e-5)
    let kl = Loss.klDivergenceFromStandardNormal(mean: Tensor(zeros: [2, 3]), logVariance: Tensor(zeros: [2, 3]))
    #expect(Swift.abs(kl.scalar) < 1e-7)
    let logHalf = Tensor(shape: [1, 2], scalars: [0.5, 0.5]).log()
    #expect(Swift.abs(Loss.klDivergence(logP: logHalf, logQ: logHalf).scalar) < 1e-7)
  }

  @Test func rankingLossesOnlyPenaliseMisorderedPairs() {
    let targets: [Float] = [3, 2, 1]
    let ordered = Tensor(shape: [3], scalars: [3, 2, 1])
    let reversed = Tensor(shape: [3], scalars: [1, 2, 3])
    #expect(Loss.pairwiseHingeRanking(scores: ordered, targets: targets, margin: 0.5).scalar == 0)
    // Pairs (0,1), (0,2), (1,2) have differences -1, -2, -1: hinge 1.5 + 2.5 + 1.5 over 3.
    #expect(Swift.abs(Loss.pairwiseHingeRanking(scores: reversed, targets: targets, margin: 0.5).scalar - 5.5 / 3) < 1e-6)
    #expect(
      Loss.pairwiseLogisticRanking(scores: ordered, targets: targets).scalar < Loss.pairwiseLogisticRanking(scores: reversed, targets: targets).scalar
    )
  }

  @Test func lossesMatchFiniteDifferences() {
    var rng = SeededGenerator(seed: 20)
    let target = Tensor(randomUniform: [3, 4], using: &rng)
    let inputs = [
      Tensor(randomNormal: [3, 4], requiresGradient: true, using: &rng), Tensor(randomNormal: [3, 4], requiresGradient: true, using: &rng),
    ]
    let checks: [([Tensor]) -> Tensor] = [
      { Loss.meanSquaredError($0[0], target) },
      { Loss.binaryCrossEntropy(logits: $0[0], targets: target) },
      { Loss.binaryCrossEntropy(logits: $0[0], targets: target, weights: target) },
      { Loss.crossEntropy(logits: $0[0], labels: [0, 3, 1]) },
      { Loss.klDivergenceFromStandardNormal(mean: $0[0], logVariance: $0[1]) },
      { Loss.klDivergence(logP: $0[0].logSoftmax(), logQ: $0[1].logSoftmax()) },
      { Loss.pairwiseLogisticRanking(scores: $0[0].reshaped([12]), targets: target.scalars) },
    ]
    for (index, check) in checks.enumerated() {
      #expect(GradientCheck.maximumRelativeError(inputs: inputs, check) < Self.tolerance, "loss \(index)")
    }
  }
}

// MARK: - Optimizers, schedules, clipping

extension LossAndOptimizerTests {
  /// A parameter with value `value` and gradient `gradient`.
  static func parameter(_ value: [Float], gradient: [Float]) -> Parameter {
    let parameter = Parameter(name: "w", value: Tensor(shape: [value.count], scalars: value))
    (parameter.value * Tensor(shape: [gradient.count], scalars: gradient)).sum().backward()
    return parameter
  }

  @Test func sgdWithMomentumAccumulatesVelocity() {
    let optimizer = Optimizer(SGD(momentum: 0.9), learningRate: 0.1)
    let w = Self.parameter([1], gradient: [1])
    optimizer.step([w])
    #expect(Swift.abs(w.value.scalars[0] - 0.9) < 1e-6)
    #expect(w.value.gradient == nil)
    (w.value * 1).sum().backward()
    optimizer.step([w])
    #expect(Swift.abs(w.value.scalars[0] - (0.9 - 0.1 * 1.9)) < 1e-6)
  }

  @Test func adamFirstStepMovesByTheLearningRateAndAdamWDecays() {
    let adam = Optimizer(Adam(), learningRate: 0.01)
    let w = Self.parameter([1, -1], gradient: [3, -0.001])
    adam.step([w])
    #expect(maximumDifference(w.value.scalars, [0.99, -0.99]) < 1e-5)
    let adamW = Optimizer(Adam.adamW(weightDecay: 0.5), learningRate: 0.1)
    let v = Self.parameter([2], gradient: [1])
    adamW.step([v])
    #expect(Swift.abs(v.value.scalars[0] - (2 - 0.1 * (1 + 0.5 * 2))) < 1e-5)
  }

  @Test func schedulesWarmUpAndDecay() {
    let cosine = CosineSchedule(base: 1, totalSteps: 110, warmupSteps: 10, minimum: 0.1)
    #expect(Swift.abs(cosine.learningRate(atStep: 5) - 0.5) < 1e-6)
    #expect(Swift.abs(cosine.learningRate(atStep: 60) - 0.55) < 1e-5)
    #expect(Swift.abs(cosine.learningRate(atStep: 110) - 0.1) < 1e-6)
    let steps = StepSchedule(base: 1, stepSize: 10, decay: 0.5, warmupSteps: 2)
    #expect(steps.learningRate(atStep: 1) == 0.5)
    #expect(steps.learningRate(atStep: 12) == 1)
    #expect(steps.learningRate(atStep: 13) == 0.5)
    let optimizer = Optimizer(SGD(), schedule: steps)
    #expect(optimizer.nextLearningRate == 0.5)
  }

  @Test func clippingScalesTheGlobalNorm() {
    let a = Self.parameter([0, 0], gradient: [3, 0])
    let b = Self.parameter([0], gradient: [4])
    let norm = GradientClipping.clip([a, b], maximumNorm: 1)
    #expect(Swift.abs(norm - 5) < 1e-6)
    #expect(maximumDifference((a.value.gradient?.scalars ?? []) + (b.value.gradient?.scalars ?? []), [0.6, 0, 0.8]) < 1e-6)
  }

  @Test func initialisationsHaveTheDocumentedSpread() {
    var rng = SeededGenerator(seed: 30)
    let he = Initialization.heNormal.tensor(shape: [200, 100], fanIn: 200, fanOut: 100, using: &rng).scalars
    let variance = he.reduce(0) { $0 + $1 * $1 } / Float(he.count)
    #expect(Swift.abs(variance - 0.01) < 0.001)
    let glorot = Initialization.glorotUniform.tensor(shape: [30, 30], fanIn: 30, fanOut: 30, using: &rng).scalars
    #expect(glorot.allSatisfy { Swift.abs($0) <= 0.3163 })
    #expect(Initialization.zeros.tensor(shape: [3], fanIn: 1, fanOut: 1, using: &rng).scalars == [0, 0, 0])
  }
}

/// Largest absolute difference between two equally long arrays.
func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "compared arrays differ in length: \(a.count) and \(b.count)")
  return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
}
