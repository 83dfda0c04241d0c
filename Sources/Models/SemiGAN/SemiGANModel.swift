import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor

/// SemiGAN-NAD's three networks and their game (a reconstruction from the paper's abstract, in
/// the spirit of Triple-GAN; Li et al. 2017, <https://arxiv.org/abs/1703.02291>).
///
/// Each training step, with `y` the queried signals standardised over the queried set:
/// 1. the discriminator D learns to call real pairs (queried a, y) real, and semi-supervised
///    pairs (pool a, P(a)) and generated pairs (G(y', z), y') not real, the two fake kinds
///    weighted `unlabelledShare` and `1 - unlabelledShare`;
/// 2. the predictor P learns the squared error and a pairwise logistic ranking loss on real
///    pairs, plus `adversarialWeight x unlabelledShare` times the loss of making D call its
///    semi-supervised pairs real (the unlabelled pool shapes P through D);
/// 3. the generator G learns `adversarialWeight` times the loss of making D call its pairs
///    real, plus `cycleWeight` times `(P(G(y', z)) - y')^2` through a fixed P (the cycle term).
///
/// Targets y' are observed signals with a little noise, and a `highTargetShare` of them from
/// the high range above the best observed signal. Each network has its own Adam; gradients that
/// a step's backward pass leaves in the other networks are cleared. The model is kept across
/// rounds (warm start); the standardisation is recomputed from the queried set at each `train`.
public final class SemiGANModel {
  /// The padded token form the networks read and write.
  public let tokens: PaddedTokens
  /// The game's settings.
  public let training: SemiGANTraining
  /// P.
  public let predictor: PerformancePredictorNetwork
  /// D.
  public let discriminator: PairDiscriminator
  /// G.
  public let generator: ConditionalArchitectureGenerator
  private let predictorOptimizer: Optimizer<Adam>
  private let discriminatorOptimizer: Optimizer<Adam>
  private let generatorOptimizer: Optimizer<Adam>
  /// The standardisation of the signals of the last `train`.
  public private(set) var scaling = TargetScaling([])
  /// The best standardised signal of the last `train`.
  public private(set) var bestStandardized: Float = 0
  /// One entry per training step since the model was made.
  public private(set) var losses: [StepLosses] = []
  /// Wall seconds spent in each phase since the model was made (for profiling; never logged,
  /// never read by the search).
  public private(set) var phaseSeconds = PhaseSeconds()

  /// Wall seconds per phase of the model's work.
  public struct PhaseSeconds: Sendable, Hashable {
    /// D's steps (its forward passes over the three pair kinds and its update).
    public var discriminator = 0.0
    /// P's steps.
    public var predictor = 0.0
    /// G's steps.
    public var generator = 0.0
    /// Building batches and targets.
    public var batches = 0.0
    /// Sampling cells from G (`generate`).
    public var sampling = 0.0
    /// Scoring cells with P (`predict`).
    public var prediction = 0.0
    /// All zero.
    public init() {}
    /// The sum of the phases.
    public var total: Double { discriminator + predictor + generator + batches + sampling + prediction }
  }

  /// The three losses of one step (0 for a network that did not train).
  public struct StepLosses: Sendable, Hashable {
    /// D's loss.
    public var discriminator: Float
    /// P's loss.
    public var predictor: Float
    /// G's loss.
    public var generator: Float

    /// The three losses of a step.
    public init(discriminator: Float, predictor: Float, generator: Float) {
      self.discriminator = discriminator
      self.predictor = predictor
      self.generator = generator
    }
  }

  /// Fresh networks for `tokens`.
  public init(tokens: PaddedTokens, training: SemiGANTraining, using rng: inout some RandomNumberGenerator) {
    self.tokens = tokens
    self.training = training
    predictor = PerformancePredictorNetwork(positions: tokens.positions, width: tokens.width, shape: training.shape, using: &rng)
    discriminator = PairDiscriminator(positions: tokens.positions, width: tokens.width, shape: training.shape, using: &rng)
    generator = ConditionalArchitectureGenerator(tokens: tokens, shape: training.shape, using: &rng)
    predictorOptimizer = Optimizer(Adam(), learningRate: training.predictorLearningRate)
    discriminatorOptimizer = Optimizer(Adam(beta1: 0.5), learningRate: training.adversarialLearningRate)
    generatorOptimizer = Optimizer(Adam(beta1: 0.5), learningRate: training.adversarialLearningRate)
  }

  /// Runs `steps` steps of the game on the queried architectures.
  ///
  /// - Parameters:
  ///   - labelled: token rows of the queried architectures.
  ///   - targets: their signals.
  ///   - pool: the unlabelled pool, or `nil` for none (then no semi-supervised pairs).
  ///   - steps: steps to run.
  ///   - rng: batches, noise and targets.
  public func train(labelled: [[Int]], targets: [Double], pool: PoolTokens?, steps: Int, using rng: inout SeededGenerator) {
    precondition(labelled.count == targets.count && !labelled.isEmpty, "SemiGANModel.train: \(labelled.count) rows, \(targets.count) targets")
    scaling = TargetScaling(targets)
    let y = scaling.standardized(targets)
    bestStandardized = y.max() ?? 0
    let realRows = tokens.oneHot(labelled)
    let unlabelledShare = pool == nil ? 0 : training.unlabelledShare
    let clock = ContinuousClock()
    for _ in 0..<steps {
      var mark = clock.now
      func lap(_ phase: WritableKeyPath<PhaseSeconds, Double>) {
        let now = clock.now
        phaseSeconds[keyPath: phase] += Self.seconds(now - mark)
        mark = now
      }
      let realIndices = (0..<training.labelledBatch).map { _ in rng.nextInt(below: labelled.count) }
      let real = realRows.gathered(atIndices: realIndices)
      let realTargets = Tensor(shape: [realIndices.count, 1], scalars: realIndices.map { y[$0] })
      let unlabelled = pool.map { pool in
        tokens.oneHot(poolIndices: (0..<training.unlabelledBatch).map { _ in rng.nextInt(below: pool.count) }, of: pool)
      }
      let wanted = trainingTargets(observed: y, count: training.generatedBatch, using: &rng)
      lap(\.batches)
      var step = StepLosses(discriminator: 0, predictor: 0, generator: 0)
      if training.isAdversarial {
        step.discriminator = discriminatorStep(
          real: real, realTargets: realTargets, unlabelled: unlabelledShare > 0 ? unlabelled : nil, share: unlabelledShare,
          wanted: wanted, using: &rng)
        lap(\.discriminator)
      }
      step.predictor = predictorStep(
        real: real, realTargets: realTargets, realValues: realIndices.map { y[$0] }, unlabelled: unlabelledShare > 0 ? unlabelled : nil,
        share: unlabelledShare, using: &rng)
      lap(\.predictor)
      if training.trainsGenerator {
        step.generator = generatorStep(wanted: wanted, using: &rng)
        lap(\.generator)
      }
      losses.append(step)
    }
  }

  /// Standardised predictions for one-hot rows `[n, positions, width]`, in evaluation mode.
  public func predictStandardized(_ rows: Tensor) -> [Float] {
    var rng = SeededGenerator(seed: 0)
    let start = ContinuousClock.now
    defer { phaseSeconds.prediction += Self.seconds(ContinuousClock.now - start) }
    return withoutGradients { predictor(rows, mode: .evaluation, using: &rng).scalars }
  }

  /// Predicted signals (in signal units) of token rows, in chunks.
  public func predict(_ rows: [[Int]]) -> [Double] {
    stride(from: 0, to: rows.count, by: Self.chunk).flatMap { start in
      predictStandardized(tokens.oneHot(Array(rows[start..<min(start + Self.chunk, rows.count)]))).map(scaling.restored)
    }
  }

  /// Predicted signals of pool architectures, in chunks.
  public func predict(poolIndices: [Int], of pool: PoolTokens) -> [Double] {
    stride(from: 0, to: poolIndices.count, by: Self.chunk).flatMap { start in
      let chunk = Array(poolIndices[start..<min(start + Self.chunk, poolIndices.count)])
      return predictStandardized(tokens.oneHot(poolIndices: chunk, of: pool)).map(scaling.restored)
    }
  }

  /// Token rows sampled from G for standardised `targets` (one row per target): each
  /// position's token drawn from `softmax(logits / temperature)`, or the most likely token
  /// when `temperature` is 0.
  public func generate(standardizedTargets targets: [Float], temperature: Float, using rng: inout SeededGenerator) -> [[Int]] {
    let start = ContinuousClock.now
    defer { phaseSeconds.sampling += Self.seconds(ContinuousClock.now - start) }
    var rows: [[Int]] = []
    rows.reserveCapacity(targets.count)
    for start in stride(from: 0, to: targets.count, by: Self.chunk) {
      let chunk = Array(targets[start..<min(start + Self.chunk, targets.count)])
      let logits = withoutGradients {
        generator(targets: Tensor(shape: [chunk.count, 1], scalars: chunk), noise: noise(chunk.count, using: &rng), using: &rng)
      }
      if temperature > 0 {
        let probabilities = withoutGradients { (logits * (1 / temperature)).softmax().scalars }
        rows += tokens.sampleTokens(probabilities: probabilities, rows: chunk.count, using: &rng)
      } else {
        rows += tokens.mostLikelyTokens(scores: logits.scalars, rows: chunk.count)
      }
    }
    return rows
  }

  /// Standardised targets in the high-performance range: uniform from the best observed
  /// signal to `margin` standard deviations above it.
  public func highTargets(count: Int, margin: Float, using rng: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in bestStandardized + margin * Float(rng.nextUnit()) }
  }

  // MARK: - The three steps

  private static let chunk = 1024

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  private func discriminatorStep(
    real: Tensor, realTargets: Tensor, unlabelled: Tensor?, share: Float, wanted: [Float], using rng: inout SeededGenerator
  ) -> Float {
    // One forward pass over every pair kind: real rows first, then the two kinds of fake.
    var rows = [real]
    var signals = [realTargets]
    var parts = [(count: real.shape[0], weight: Float(1), isReal: true)]
    if let unlabelled {
      rows.append(unlabelled)
      signals.append(withoutGradients { predictor(unlabelled, mode: .evaluation, using: &rng).detached() })
      // Without a generator the semi-supervised pairs are the whole "not real" side.
      parts.append((unlabelled.shape[0], training.trainsGenerator ? share : 1, false))
    }
    if training.trainsGenerator, share < 1 {
      rows.append(withoutGradients { relaxedSample(wanted, using: &rng).detached() })
      signals.append(Tensor(shape: [wanted.count, 1], scalars: wanted))
      parts.append((wanted.count, 1 - share, false))
    }
    let logits = discriminator(
      Tensor.concatenate(rows, alongAxis: 0), Tensor.concatenate(signals, alongAxis: 0), mode: .training, using: &rng)
    let loss = weightedBCE(logits, parts: parts)
    loss.backward()
    GradientClipping.clip(discriminator.parameters, maximumNorm: training.gradientClip)
    discriminatorOptimizer.step(discriminator.parameters)
    return loss.scalar
  }

  private func predictorStep(
    real: Tensor, realTargets: Tensor, realValues: [Float], unlabelled: Tensor?, share: Float, using rng: inout SeededGenerator
  ) -> Float {
    let adversarial = training.isAdversarial && share > 0 ? unlabelled : nil
    let batch = real.shape[0]
    let input = adversarial.map { Tensor.concatenate([real, $0], alongAxis: 0) } ?? real
    let all = predictor(input, mode: .training, using: &rng)
    let predicted = adversarial == nil ? all : all.slice(alongAxis: 0, 0..<batch)
    var loss = Loss.meanSquaredError(predicted, realTargets)
    if training.rankingWeight > 0 {
      loss = loss + Loss.pairwiseLogisticRanking(scores: predicted.reshaped([batch]), targets: realValues) * training.rankingWeight
    }
    if let adversarial {
      let pseudo = all.slice(alongAxis: 0, batch..<all.shape[0])
      loss = loss + bce(discriminator(adversarial, pseudo, mode: .evaluation, using: &rng), real: true) * (training.adversarialWeight * share)
    }
    loss.backward()
    GradientClipping.clip(predictor.parameters, maximumNorm: training.gradientClip)
    predictorOptimizer.step(predictor.parameters)
    discriminator.zeroGradients()
    return loss.scalar
  }

  private func generatorStep(wanted: [Float], using rng: inout SeededGenerator) -> Float {
    let rows = relaxedSample(wanted, using: &rng)
    let targets = Tensor(shape: [wanted.count, 1], scalars: wanted)
    var loss = Tensor(0)
    if training.isAdversarial {
      loss = loss + bce(discriminator(rows, targets, mode: .evaluation, using: &rng), real: true) * training.adversarialWeight
    }
    if training.cycleWeight > 0 {
      loss = loss + Loss.meanSquaredError(predictor(rows, mode: .evaluation, using: &rng), targets) * training.cycleWeight
    }
    guard loss.requiresGradient else { return 0 }
    loss.backward()
    GradientClipping.clip(generator.parameters, maximumNorm: training.gradientClip)
    generatorOptimizer.step(generator.parameters)
    discriminator.zeroGradients()
    predictor.zeroGradients()
    return loss.scalar
  }

  /// Relaxed generated rows `[count, positions, width]` for `wanted` targets.
  private func relaxedSample(_ wanted: [Float], using rng: inout SeededGenerator) -> Tensor {
    let logits = generator(targets: Tensor(shape: [wanted.count, 1], scalars: wanted), noise: noise(wanted.count, using: &rng), using: &rng)
    return logits.gumbelSoftmax(temperature: training.temperature, hard: training.relaxation == .straightThrough, using: &rng)
  }

  private func noise(_ count: Int, using rng: inout SeededGenerator) -> Tensor {
    Tensor(randomNormal: [count, training.shape.noiseSize], using: &rng)
  }

  /// Observed signals with a little noise, and a `highTargetShare` from the high range.
  private func trainingTargets(observed: [Float], count: Int, using rng: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in
      if Float(rng.nextUnit()) < training.highTargetShare {
        return bestStandardized + training.targetMargin * Float(rng.nextUnit())
      }
      return observed[rng.nextInt(below: observed.count)] + 0.05 * Float(rng.nextNormal())
    }
  }

  /// `sum over parts of weight x mean BCE of the part`, for consecutive parts of `logits`.
  private func weightedBCE(_ logits: Tensor, parts: [(count: Int, weight: Float, isReal: Bool)]) -> Tensor {
    var weights: [Float] = []
    var targets: [Float] = []
    for part in parts {
      weights += Array(repeating: part.weight / Float(part.count), count: part.count)
      targets += Array(repeating: part.isReal ? 1 : 0, count: part.count)
    }
    let shape = logits.shape
    let perRow = logits.softplus() - logits * Tensor(shape: shape, scalars: targets)
    return (perRow * Tensor(shape: shape, scalars: weights)).sum()
  }

  private func bce(_ logits: Tensor, real: Bool) -> Tensor {
    Loss.binaryCrossEntropy(logits: logits, targets: Tensor(repeating: real ? 1 : 0, shape: logits.shape))
  }
}
