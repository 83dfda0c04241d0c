import Foundation
import Models
import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor
import TestSupport
import Testing

/// DiffusionNAG's parts: the node form, the SDE, the sampler against an exact score, the
/// guidance gradient against finite differences, and a score model that learns the tiny space.
@Suite struct DiffusionTests {
  static let space = TinySpace(positions: 4, operations: 4)

  static var small: NodeTransformerShape {
    var shape = NodeTransformerShape()
    shape.layers = 2
    shape.modelSize = 16
    shape.heads = 2
    shape.feedForwardSize = 32
    shape.dropout = 0
    return shape
  }
}

// MARK: - Node form and SDE

extension DiffusionTests {
  @Test func everyCellSurvivesTheNodeFormAndBrokenRowsSpellNoCell() throws {
    let form = try DiffusionNodeForm(space: Self.space, mask: .reachability)
    #expect(form.nodeCount == 6 && form.typeCount == 6)
    for index in 0..<Self.space.poolSize {
      let cell = Self.space.architecture(at: index)
      let matrix = form.matrix(of: cell)
      #expect(matrix.filter { $0 == 1 }.count == form.nodeCount)
      #expect(form.architecture(fromSample: matrix[...]) == cell)
    }
    var twoTypes = form.matrix(of: Self.space.architecture(at: 7))
    let off = try #require((0..<form.typeCount).first { twoTypes[2 * form.typeCount + $0] == -1 })
    twoTypes[2 * form.typeCount + off] = 0.3  // node 2 gets a second type (>= 0 counts as on)
    #expect(form.architecture(fromSample: twoTypes[...]) == nil)
    var noType = form.matrix(of: Self.space.architecture(at: 7))
    for i in 0..<form.typeCount { noType[3 * form.typeCount + i] = -0.2 }
    #expect(form.architecture(fromSample: noType[...]) == nil)
    var inputMoved = form.matrix(of: Self.space.architecture(at: 7))
    let inputType = inputMoved[0..<form.typeCount].firstIndex(of: 1)!
    inputMoved[inputType] = -1
    inputMoved[(inputType + 1) % form.typeCount] = 1
    #expect(form.architecture(fromSample: inputMoved[...]) == nil)
  }

  @Test func reachabilityWidensTheAdjacencyMaskAndTheOutputAttendsNowhere() throws {
    let direct = try DiffusionNodeForm(space: Self.space, mask: .adjacency).attentionMask.scalars
    let closure = try DiffusionNodeForm(space: Self.space, mask: .reachability).attentionMask.scalars
    let n = 6
    #expect(zip(direct, closure).allSatisfy { $0 >= $1 }, "the closure forbids nothing the adjacency allows")
    #expect(closure.filter { $0 == 0 }.count > direct.filter { $0 == 0 }.count)
    #expect(closure[0 * n + (n - 1)] == 0, "the input reaches the output")
    #expect(closure[((n - 1) * n)..<(n * n)].allSatisfy { $0 == 1 }, "the output has no successor")
  }

  @Test func theSDEMatchesItsDefinition() {
    let sde = VarianceExplodingSDE()
    #expect(abs(sde.sigma(at: 0) - 0.1) < 1e-6 && abs(sde.sigma(at: 1) - 5) < 1e-5)
    for t: Float in [0.1, 0.5, 0.9] {
      let h: Float = 1e-3
      let numeric = (pow(sde.sigma(at: t + h), 2) - pow(sde.sigma(at: t - h), 2)) / (2 * h)
      #expect(abs(numeric - sde.squaredDiffusion(at: t)) / sde.squaredDiffusion(at: t) < 1e-3)
    }
    let times = sde.reverseTimes(end: 1e-5)
    #expect(times.count == 1000 && times.first == 1 && abs(times.last! - 1e-5) < 1e-7)
  }

  @Test func theNoiseLevelEmbeddingIsSineThenCosine() {
    let e = NoiseLevelEmbedding.sinusoidal(levels: [0, 2], dimension: 8).scalars
    #expect(Array(e[0..<8]) == [0, 0, 0, 0, 1, 1, 1, 1])
    #expect(abs(e[8] - sin(2)) < 1e-6 && abs(e[12] - cos(2)) < 1e-6)
    #expect(abs(e[11] - sin(2 * 1e-4)) < 1e-6, "the last frequency is 1 / 10000")
  }
}

// MARK: - Sampler

extension DiffusionTests {
  /// Data: two points `+m` and `-m` in 8 dimensions with equal weight; the score of the data
  /// perturbed by `N(0, sigma^2 I)` is exact, so the sampler alone is tested.
  @Test func thePredictorCorrectorSamplerDrawsBothModesOfAnExactScore() {
    let sde = VarianceExplodingSDE(sigmaMin: 0.01, sigmaMax: 5, steps: 300)
    let d = 8
    let m: [Float] = (0..<d).map { $0 % 2 == 0 ? 1 : -1 }
    func score(_ x: Tensor, _ t: Float) -> Tensor {
      let sigma2 = pow(sde.sigma(at: t), 2)
      let values = x.scalars
      var out = [Float](repeating: 0, count: values.count)
      for sample in 0..<(values.count / d) {
        let row = values[(sample * d)..<((sample + 1) * d)]
        var plus: Float = 0
        var minus: Float = 0
        for (i, v) in row.enumerated() {
          plus += (v - m[i]) * (v - m[i])
          minus += (v + m[i]) * (v + m[i])
        }
        let weightPlus = 1 / (1 + exp((plus - minus) / (2 * sigma2)))
        for (i, v) in row.enumerated() {
          let target = weightPlus * m[i] - (1 - weightPlus) * m[i]
          out[sample * d + i] = (target - v) / sigma2
        }
      }
      return Tensor(shape: x.shape, scalars: out)
    }
    var rng = SeededGenerator(seed: 3)
    let sampler = PredictorCorrectorSampler(sde: sde)
    let samples = sampler.sample(count: 400, shape: [d], score: score, using: &rng)
    var (nearPlus, nearMinus) = (0, 0)
    for sample in 0..<400 {
      let row = samples[(sample * d)..<((sample + 1) * d)]
      let toPlus = zip(row, m).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
      let toMinus = zip(row, m).map { ($0 + $1) * ($0 + $1) }.reduce(0, +).squareRoot()
      if toPlus < 0.3 { nearPlus += 1 }
      if toMinus < 0.3 { nearMinus += 1 }
    }
    #expect(nearPlus + nearMinus >= 390, "\(nearPlus) + \(nearMinus) of 400 samples end at a data point")
    #expect(nearPlus > 150 && nearMinus > 150, "both modes: \(nearPlus) / \(nearMinus)")
  }
}

// MARK: - Networks

extension DiffusionTests {
  @Test func theGuidanceGradientMatchesFiniteDifferencesOfThePrediction() throws {
    let form = try DiffusionNodeForm(space: Self.space, mask: .reachability)
    var rng = SeededGenerator(seed: 5)
    let sde = VarianceExplodingSDE()
    let predictor = NoiseAwarePredictor(form: form, sde: sde, shape: Self.small, noised: true, using: &rng)
    let cells = (0..<40).map { $0 * 5 }
    let x = form.matrices(ofPool: cells)
    predictor.fit(x, targets: cells.map { Double($0 % 7) }, training: NoiseAwarePredictorTraining(), using: &rng)
    let point = Array(form.matrices(ofPool: [17]).map { $0 * 0.7 + 0.05 })
    let gradient = predictor.inputGradient(Tensor(shape: [1, form.nodeCount, form.typeCount], scalars: point), time: 1e-5).scalars
    var worst = 0.0
    for i in stride(from: 0, to: point.count, by: 5) {
      let h: Float = 1e-2
      var up = point
      var down = point
      up[i] += h
      down[i] -= h
      let numeric = (predictor.predict(up)[0] - predictor.predict(down)[0]) / Double(2 * h)
      worst = max(worst, abs(numeric - Double(gradient[i])) / max(abs(numeric), 0.05))
    }
    #expect(worst < 0.05, "largest relative error \(worst)")
    #expect(gradient.contains { abs($0) > 1e-4 }, "the gradient is not zero")
  }

  @Test func aScoreModelLearnsTheTinySpace() throws {
    var rng = SeededGenerator(seed: 11)
    let model = try DiffusionScoreModel(space: Self.space, shape: Self.small, sde: VarianceExplodingSDE(steps: 100), mask: .reachability, using: &rng)
    var training = ScoreMatchingTraining()
    training.iterations = 1200
    training.batchSize = 64
    training.learningRate = 2e-3
    training.warmupSteps = 20
    training.averageRate = 0.9
    var reported: [Float] = []
    model.train(poolIndices: Array(0..<Self.space.poolSize), training: training, reportEvery: 100, using: &rng) { reported.append($1) }
    #expect(reported.count == 12 && reported.last! < reported.first! * 0.1, "loss \(reported)")
    let check = UnconditionalSampleCheck(
      model: model, space: Self.space, count: 256, sampler: PredictorCorrectorSampler(sde: model.sde), using: &rng)
    #expect(Double(check.valid) / 256 > 0.9, "\(check.line)")
    #expect(check.largestFrequencyGap < 0.15, "\(check.line)")
    #expect(Double(check.unique) / Double(max(check.valid, 1)) > 0.4, "\(check.line)")
    let restored = try DiffusionScoreModel(space: Self.space, saved: model.saved)
    let probe = Tensor(randomNormal: [3, 6, 6], using: &rng)
    #expect(restored.score(probe, time: 0.3).scalars == model.score(probe, time: 0.3).scalars)
  }
}
