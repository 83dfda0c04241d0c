import NeuralNetworks
import Randomness
import Tensor

/// How DiffusionNAG's predictors are trained on the queried cells.
public struct NoiseAwarePredictorTraining: Sendable, Hashable, Codable {
  /// Gradient steps per fit.
  public var steps = 300
  /// Cells per step (all queried cells when fewer).
  public var batchSize = 256
  /// Adam's learning rate (the source's surrogate: 1e-3).
  public var learningRate: Float = 1e-3

  /// The defaults.
  public init() {}
}

/// A performance predictor over the node-type matrices of cells that also reads noised
/// matrices: DiffusionNAG's `PredictorCATE`, a `NodeTransformer` without node positions whose
/// per-node outputs are flattened into an ELU MLP (one hidden layer twice as wide) giving one
/// value. Trained `noised` (each step perturbs each cell to a uniform random time of the SDE,
/// the source's `noised: True`) it steers sampling by its input gradient; trained clean (at the
/// smallest noise level) it ranks finished cells.
///
/// Targets are standardised; `predict` returns standardised values.
public final class NoiseAwarePredictor {
  let form: DiffusionNodeForm
  let sde: VarianceExplodingSDE
  let encoder: NodeTransformer
  let regression: MLP
  /// Whether training perturbs the inputs.
  public let noised: Bool
  private let smallestTime: Float

  /// An untrained predictor over `form`'s matrices.
  public init(
    form: DiffusionNodeForm, sde: VarianceExplodingSDE, shape: NodeTransformerShape, noised: Bool, smallestTime: Float = 1e-5,
    using rng: inout some RandomNumberGenerator
  ) {
    self.form = form
    self.sde = sde
    self.noised = noised
    self.smallestTime = smallestTime
    encoder = NodeTransformer(
      shape: shape, nodeCount: form.nodeCount, featureCount: form.featureCount, outputSize: form.featureCount, positional: false,
      name: "predictor", using: &rng)
    regression = MLP(sizes: [form.width, 2 * form.width, 1], activation: .elu, name: "predictor.regression", using: &rng)
  }

  private var parameters: [Parameter] { encoder.parameters + regression.parameters }

  /// Fits matrices `x` (`count * form.width` values) to standardised `targets`.
  public func fit(_ x: [Float], targets: [Double], training: NoiseAwarePredictorTraining, using rng: inout SeededGenerator) {
    let count = targets.count
    precondition(x.count == count * form.width, "NoiseAwarePredictor: \(x.count) values for \(count) targets")
    guard count > 0 else { return }
    let mean = targets.reduce(0, +) / Double(count)
    let spread = max((targets.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count)).squareRoot(), 1e-8)
    let standardized = targets.map { Float(($0 - mean) / spread) }
    let parameters = parameters
    let optimizer = Optimizer(Adam(), learningRate: training.learningRate)
    let batch = min(training.batchSize, count)
    let width = form.width
    for _ in 0..<training.steps {
      let rows = batch == count ? Array(0..<count) : rng.sampleWithoutReplacement(batch, from: count)
      let levels = rows.map { _ in noised ? sde.sigma(at: Float.random(in: smallestTime...1, using: &rng)) : sde.sigma(at: smallestTime) }
      var inputs = [Float](repeating: 0, count: batch * width)
      let z = noised ? Tensor(randomNormal: [batch * width], using: &rng).scalars : []
      for (b, row) in rows.enumerated() {
        for i in 0..<width { inputs[b * width + i] = x[row * width + i] + (noised ? levels[b] * z[b * width + i] : 0) }
      }
      let output = forward(Tensor(shape: [batch, form.nodeCount, form.featureCount], scalars: inputs), levels: levels, mode: .training, using: &rng)
      let loss = (output - Tensor(shape: [batch, 1], scalars: rows.map { standardized[$0] })).squared().mean()
      loss.backward()
      optimizer.step(parameters)
    }
  }

  private func forward(_ x: Tensor, levels: [Float], mode: Mode, using rng: inout some RandomNumberGenerator) -> Tensor {
    let batch = x.shape[0]
    let nodes = encoder(x, noiseLevels: levels, mask: form.attentionMask, mode: mode, using: &rng)
    return regression(nodes.reshaped([batch, form.width]), mode: mode, using: &rng)
  }

  /// Standardised predictions for clean matrices `x` (at the smallest noise level).
  public func predict(_ x: [Float]) -> [Double] {
    let count = x.count / form.width
    guard count > 0 else { return [] }
    var unused = SeededGenerator(seed: 0)
    let levels = [Float](repeating: sde.sigma(at: smallestTime), count: count)
    let output = withoutGradients {
      forward(Tensor(shape: [count, form.nodeCount, form.featureCount], scalars: x), levels: levels, mode: .evaluation, using: &unused)
    }
    return output.scalars.map(Double.init)
  }

  /// The gradient of the sum of the predictions at `x` (`[batch, nodeCount, featureCount]`) and
  /// time `t` with respect to `x`: the guidance term of the sampler.
  public func inputGradient(_ x: Tensor, time t: Float) -> Tensor {
    var unused = SeededGenerator(seed: 0)
    let leaf = Tensor(shape: x.shape, scalars: x.scalars, requiresGradient: true)
    let levels = [Float](repeating: sde.sigma(at: t), count: x.shape[0])
    forward(leaf, levels: levels, mode: .evaluation, using: &unused).sum().backward()
    for parameter in parameters { parameter.value.zeroGradient() }
    return leaf.gradient ?? Tensor(zeros: x.shape)
  }
}
