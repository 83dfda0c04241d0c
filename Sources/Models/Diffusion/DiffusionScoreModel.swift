import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor

/// DiffusionNAG's score model over the node-type matrices of a space's cells: a
/// `NodeTransformer` with node positions whose output is the score `grad_x log p_t(x)` of
/// the perturbed data at noise level `sigma(t)` (the source uses the network's output as the
/// score directly, without dividing by sigma).
///
/// Trained without labels on the pool by denoising score matching (`train`): the loss is the
/// mean over entries and cells of `(sigma s(x0 + sigma z, sigma) + z)^2`, with `t` uniform in
/// `[smallestTime, 1]`. Sampling uses the parameter average kept during training.
public final class DiffusionScoreModel {
  /// What a trained model is saved as (the layer-state format of its parameters).
  public struct Saved: Codable, Sendable, Hashable {
    /// The network's shape.
    public var shape: NodeTransformerShape
    /// The SDE it was trained for.
    public var sde: VarianceExplodingSDE
    /// The attention mask it was trained with.
    public var mask: DiffusionNodeForm.AttentionMask
    /// The averaged parameters.
    public var state: LayerState
    /// The mean training loss of each block of iterations (for the report).
    public var losses: [Float]
  }

  /// The diffused form of the space.
  public let form: DiffusionNodeForm
  /// The SDE.
  public let sde: VarianceExplodingSDE
  /// The attention mask.
  public let mask: DiffusionNodeForm.AttentionMask
  /// The network.
  public let network: NodeTransformer
  private let space: any SearchSpace
  /// Mean training loss per block of iterations, filled by `train`.
  public private(set) var losses: [Float] = []

  /// An untrained model over `space`.
  public init(
    space: any SearchSpace, shape: NodeTransformerShape, sde: VarianceExplodingSDE, mask: DiffusionNodeForm.AttentionMask,
    using rng: inout some RandomNumberGenerator
  ) throws {
    form = try DiffusionNodeForm(space: space, mask: mask)
    self.space = space
    self.sde = sde
    self.mask = mask
    network = NodeTransformer(
      shape: shape, nodeCount: form.nodeCount, featureCount: form.featureCount, outputSize: form.featureCount, positional: true, name: "score",
      using: &rng)
  }

  /// The model `saved` describes, over `space`.
  public convenience init(space: any SearchSpace, saved: Saved) throws {
    var unused = SeededGenerator(seed: 0)
    try self.init(space: space, shape: saved.shape, sde: saved.sde, mask: saved.mask, using: &unused)
    try network.load(saved.state)
    losses = saved.losses
  }

  /// The model as saved.
  public var saved: Saved {
    Saved(shape: network.shape, sde: sde, mask: mask, state: network.state, losses: losses)
  }

  /// Trains on the pool architectures `indices` by denoising score matching, then loads the
  /// parameter average.
  ///
  /// - Parameter progress: called every `reportEvery` iterations with the iteration and the
  ///   mean loss since the last call.
  public func train(
    poolIndices indices: [Int], training: ScoreMatchingTraining, reportEvery: Int = 100, using rng: inout SeededGenerator,
    progress: (Int, Float) -> Void = { _, _ in }
  ) {
    precondition(!indices.isEmpty, "DiffusionScoreModel: nothing to train on")
    let width = form.width
    let parameters = network.parameters
    let optimizer = Optimizer(
      Adam(), schedule: StepSchedule(base: training.learningRate, stepSize: Int.max / 2, decay: 1, warmupSteps: training.warmupSteps))
    let average = ExponentialMovingAverage(parameters, rate: training.averageRate)
    var order = Array(indices.indices)
    var cursor = order.count
    var blockLoss: Double = 0
    var blockCount = 0
    let batch = min(training.batchSize, indices.count)
    for iteration in 1...max(training.iterations, 1) where training.iterations > 0 {
      var rows: [Int] = []
      for _ in 0..<batch {
        if cursor == order.count {
          order.shuffle(using: &rng)
          cursor = 0
        }
        rows.append(order[cursor])
        cursor += 1
      }
      let times = (0..<batch).map { _ in Float.random(in: training.smallestTime...1, using: &rng) }
      let sigmas = times.map(sde.sigma(at:))
      let noise = Tensor(randomNormal: [batch, form.nodeCount, form.featureCount], using: &rng)
      let z = noise.scalars
      var perturbed = [Float](repeating: 0, count: batch * width)
      var sigmaEntries = [Float](repeating: 0, count: batch * width)
      for (b, row) in rows.enumerated() {
        let clean = form.matrix(of: space.architecture(at: indices[row]))
        for i in 0..<width {
          perturbed[b * width + i] = clean[i] + sigmas[b] * z[b * width + i]
          sigmaEntries[b * width + i] = sigmas[b]
        }
      }
      let shape = [batch, form.nodeCount, form.featureCount]
      let score = network(Tensor(shape: shape, scalars: perturbed), noiseLevels: sigmas, mask: form.attentionMask, mode: .training, using: &rng)
      let loss = (score * Tensor(shape: shape, scalars: sigmaEntries) + noise).squared().mean()
      loss.backward()
      GradientClipping.clip(parameters, maximumNorm: training.gradientClipping)
      optimizer.step(parameters)
      average.update(parameters)
      blockLoss += Double(loss.scalar)
      blockCount += 1
      if iteration % reportEvery == 0 || iteration == training.iterations {
        let mean = Float(blockLoss / Double(blockCount))
        losses.append(mean)
        progress(iteration, mean)
        (blockLoss, blockCount) = (0, 0)
      }
    }
    average.copy(into: parameters)
  }

  /// The score at `x` (`[batch, nodeCount, featureCount]`) and time `t`, without gradients.
  public func score(_ x: Tensor, time t: Float) -> Tensor {
    var unused = SeededGenerator(seed: 0)
    let levels = [Float](repeating: sde.sigma(at: t), count: x.shape[0])
    return withoutGradients { network(x, noiseLevels: levels, mask: form.attentionMask, mode: .evaluation, using: &unused) }
  }

  /// Draws `count` cells with `sampler`, following the score plus `scale` times the input
  /// gradient of `guide` (DiffusionNAG's guidance; unguided when `guide` is `nil` or the scale
  /// is 0). Returns `count * form.width` values, cell after cell.
  public func sample(
    count: Int, sampler: PredictorCorrectorSampler, guide: NoiseAwarePredictor? = nil, scale: Float = 0,
    using rng: inout some RandomNumberGenerator
  ) -> [Float] {
    sampler.sample(
      count: count, shape: [form.nodeCount, form.featureCount],
      score: { x, t in
        guard let guide, scale != 0 else { return self.score(x, time: t) }
        return self.score(x, time: t) + guide.inputGradient(x, time: t) * scale
      }, using: &rng)
  }
}
