import Analysis
import Models
import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor
import TestSupport
import Testing

@Suite struct SemiGANModelTests {
  static let source = TinyTaskSource(positions: 4, operations: 4)
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! source.task(named: "tiny")
  static var space: any SearchSpace { task.domain.space }

  static var small: SemiGANTraining {
    var training = SemiGANTraining()
    training.shape.modelSize = 16
    training.shape.heads = 2
    training.shape.layers = 1
    training.shape.generatorLayers = 1
    training.shape.feedForwardSize = 32
    training.shape.noiseSize = 4
    training.labelledBatch = 16
    training.unlabelledBatch = 16
    training.generatedBatch = 16
    training.predictorLearningRate = 3e-3
    training.adversarialLearningRate = 2e-3
    return training
  }

  /// The tiny task's signals of pool rows.
  static func signals(_ indices: [Int]) -> [Double] { indices.map { task.signal[$0] } }

  static func parameterValues(_ layer: some Layer) -> [[Float]] { layer.parameters.map(\.value.scalars) }
}

// MARK: - Padded tokens

extension SemiGANModelTests {
  @Test func paddedRowsRoundTripAndTheMaskCoversOnlyPadding() {
    // NAS-Bench-101-like layouts have positions with vocabularies of different sizes.
    let layout = TokenLayout(
      operationPositions: [
        .init(name: "a", role: .operation, values: [0, 1, 2], valueNames: ["x", "y", "z"]),
        .init(name: "b", role: .operation, values: [5], valueNames: ["only"]),
      ],
      connectionPositions: [.init(name: "c", role: .connection, values: [0, 1], valueNames: ["off", "on"])])
    let padded = PaddedTokens(layout)
    #expect(padded.positions == 3 && padded.width == 3)
    let rows = [[2, 0, 1], [0, 0, 0]]
    let oneHot = padded.oneHot(rows)
    #expect(oneHot.shape == [2, 3, 3])
    #expect(padded.mostLikelyTokens(scores: oneHot.scalars, rows: 2) == rows)
    #expect(padded.logitMaskValues == [0, 0, 0, 0, -1e9, -1e9, 0, 0, -1e9])
    // Drawing from the one-hot rows as probabilities returns them; padding is never drawn.
    var rng = SeededGenerator(seed: 1)
    #expect(padded.sampleTokens(probabilities: oneHot.scalars, rows: 2, using: &rng) == rows)
    let uniform = (0..<(50 * 9)).map { padded.logitMaskValues[$0 % 9] == 0 ? Float(1) : 0 }
    let drawn = padded.sampleTokens(probabilities: uniform, rows: 50, using: &rng)
    #expect(drawn.allSatisfy { $0[1] == 0 && $0[2] < 2 })
    #expect(Set(drawn.map { $0[0] }).count == 3)
  }

  @Test func poolRowsMatchTheLayoutsTokens() {
    let pool = PoolTokens.shared(Self.space)
    let padded = PaddedTokens(pool.layout)
    let indices = [0, 17, 255]
    let fromPool = padded.oneHot(poolIndices: indices, of: pool)
    #expect(fromPool.scalars == padded.oneHot(indices.map(pool.row)).scalars)
    #expect(PoolTokens.shared(Self.space).tokens == pool.tokens)
  }
}

// MARK: - The game

extension SemiGANModelTests {
  static func trainedModel(_ training: SemiGANTraining, labelled: [Int], steps: Int, seed: UInt64, pool: Bool = true) -> SemiGANModel {
    var rng = SeededGenerator(seed: seed)
    let tokens = PoolTokens.shared(space)
    let model = SemiGANModel(tokens: PaddedTokens(tokens.layout), training: training, using: &rng)
    model.train(labelled: labelled.map(tokens.row), targets: signals(labelled), pool: pool ? tokens : nil, steps: steps, using: &rng)
    return model
  }

  @Test func eachNetworkTrainsOnlyWhenItsPartOfTheGameIsOn() {
    let labelled = Array(stride(from: 0, to: 256, by: 9))
    let rng = SeededGenerator(seed: 3)
    let tokens = PoolTokens.shared(Self.space)
    func run(_ training: SemiGANTraining) -> (predictor: Bool, discriminator: Bool, generator: Bool, losses: [SemiGANModel.StepLosses]) {
      var copy = rng
      let model = SemiGANModel(tokens: PaddedTokens(tokens.layout), training: training, using: &copy)
      let before = (Self.parameterValues(model.predictor), Self.parameterValues(model.discriminator), Self.parameterValues(model.generator))
      model.train(labelled: labelled.map(tokens.row), targets: Self.signals(labelled), pool: tokens, steps: 3, using: &copy)
      return (
        Self.parameterValues(model.predictor) != before.0, Self.parameterValues(model.discriminator) != before.1,
        Self.parameterValues(model.generator) != before.2, model.losses
      )
    }
    let full = run(Self.small)
    #expect(full.predictor && full.discriminator && full.generator)
    #expect(full.losses.count == 3 && full.losses.allSatisfy { $0.discriminator > 0 && $0.predictor > 0 && $0.generator > 0 })
    var noAdversary = Self.small
    noAdversary.adversarialWeight = 0
    let withoutD = run(noAdversary)
    #expect(withoutD.predictor && !withoutD.discriminator && withoutD.generator)
    #expect(withoutD.losses.allSatisfy { $0.discriminator == 0 })
    var noGenerator = Self.small
    noGenerator.trainsGenerator = false
    let withoutG = run(noGenerator)
    #expect(withoutG.predictor && withoutG.discriminator && !withoutG.generator)
  }

  @Test func trainingIsDeterministicForASeed() {
    let labelled = Array(stride(from: 0, to: 256, by: 11))
    let first = Self.trainedModel(Self.small, labelled: labelled, steps: 5, seed: 8)
    let again = Self.trainedModel(Self.small, labelled: labelled, steps: 5, seed: 8)
    let other = Self.trainedModel(Self.small, labelled: labelled, steps: 5, seed: 9)
    #expect(first.losses == again.losses)
    #expect(first.losses != other.losses)
    #expect(Self.parameterValues(first.generator) == Self.parameterValues(again.generator))
  }

  @Test func thePredictorRanksUnseenArchitectures() throws {
    // 40 labelled architectures of the additive tiny task; rank agreement on the other 216.
    let labelled = Array(stride(from: 3, to: 256, by: 6)).prefix(40).map { $0 }
    let model = Self.trainedModel(Self.small, labelled: labelled, steps: 250, seed: 1)
    let rest = (0..<256).filter { !labelled.contains($0) }
    let predicted = model.predict(poolIndices: rest, of: PoolTokens.shared(Self.space))
    let tau = RankAgreement.kendallTau(predicted, Self.signals(rest))
    #expect(tau > 0.5, "Kendall tau \(tau)")
  }

  @Test func theGeneratorFollowsItsCondition() throws {
    // After training, cells generated for high targets are better, on the true signal, than
    // cells generated for low targets: G learned the conditional, not one mode.
    let labelled = Array(stride(from: 0, to: 256, by: 5))
    let model = Self.trainedModel(Self.small, labelled: labelled, steps: 400, seed: 2)
    var rng = SeededGenerator(seed: 5)
    let space = Self.space
    let layout = space.tokenLayout
    func meanSignal(_ target: Float) -> Double {
      let rows = model.generate(standardizedTargets: Array(repeating: target, count: 200), temperature: 1, using: &rng)
      let indices = rows.compactMap { layout.architecture(from: $0).flatMap { space.status(of: $0).poolIndex } }
      return Self.signals(indices).reduce(0, +) / Double(max(indices.count, 1))
    }
    let high = meanSignal(2)
    let low = meanSignal(-2)
    #expect(high > low + 1, "mean signal for high targets \(high), for low targets \(low)")
  }
}
