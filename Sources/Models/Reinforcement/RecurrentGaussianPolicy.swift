import NeuralNetworks
import Randomness
import Tensor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A stochastic policy over a continuous action space trained by REINFORCE: an LSTM cell reads
/// the state, a linear layer maps its hidden state to the mean of an isotropic Gaussian over
/// actions of the state's width.
///
/// Source: the RL search of arch2vec (Yan, Zheng, Ao, Zeng and Zhang, 2020, "Does Unsupervised
/// Architecture Representation Learning Help Neural Architecture Search?", NeurIPS,
/// <https://arxiv.org/abs/2006.06936>; code MSU-MLSys-Lab/arch2vec, `Policy_LSTM`,
/// `select_action`, `finish_episode`): `LSTMCell(d -> hiddenSize)` then `Linear(hiddenSize -> d)`
/// give the mean; an action is drawn from N(mean, actionStd² I) and its log-density is kept;
/// one update minimises the mean over the rewarded steps of `-log p(action) * advantage` by one
/// Adam step, back-propagated through the recurrent chain of every step since the last update;
/// then the recurrent state is reset to zeros.
///
/// Differences from the source: initial weights are the repository's (`LSTMCell`: uniform in
/// ±1 / sqrt(hiddenSize) like PyTorch, but with one bias vector whose forget part is 1, where
/// PyTorch draws two uniform bias vectors; `Linear`: PyTorch's uniform weights with a zero bias
/// where PyTorch draws it uniformly); the standard deviation is a setting (1 in the source).
public final class RecurrentGaussianPolicy {
  /// The network's width and its training.
  public struct Configuration: Sendable, Hashable, Codable {
    /// Width of the LSTM cell.
    public var hiddenSize = 128
    /// Adam's learning rate.
    public var learningRate: Float = 0.01
    /// Standard deviation of every action coordinate around the mean.
    public var actionStandardDeviation: Float = 1
    /// The source's settings.
    public init() {}
  }

  /// One sampled action and its log-density, still on the tape until an update uses it.
  public struct Action {
    /// The action, `dimensions` values.
    public let values: [Float]
    /// `log p(values)` under the policy when it was drawn; shape `[]`, recorded.
    let logDensity: Tensor

    /// The log-density when the action was drawn.
    public var logDensityValue: Double { Double(logDensity.scalar) }
  }

  /// Width of states and actions.
  public let dimensions: Int
  /// Width and training.
  public let configuration: Configuration
  private let cell: LSTMCell
  private let head: Linear
  private let optimizer: Optimizer<Adam>
  private var recurrentState: LSTMCell.State

  /// A fresh policy over `dimensions`-wide states and actions.
  public init(dimensions: Int, configuration: Configuration = Configuration(), using rng: inout some RandomNumberGenerator) {
    precondition(dimensions > 0 && configuration.hiddenSize > 0, "RecurrentGaussianPolicy: widths must be positive")
    precondition(configuration.actionStandardDeviation > 0, "RecurrentGaussianPolicy: the standard deviation must be positive")
    self.dimensions = dimensions
    self.configuration = configuration
    cell = LSTMCell(inputSize: dimensions, hiddenSize: configuration.hiddenSize, name: "policy.lstm", using: &rng)
    head = Linear(configuration.hiddenSize, dimensions, initialization: .leCunUniform, name: "policy.mean", using: &rng)
    optimizer = Optimizer(Adam(), learningRate: configuration.learningRate)
    recurrentState = cell.zeroState(batch: 1)
  }

  /// Every trainable parameter: the cell's, then the mean layer's.
  public var parameters: [Parameter] { cell.parameters + head.parameters }

  /// Advances the recurrent state with `state` and draws an action around the new mean.
  ///
  /// - Parameter state: `dimensions` values (in arch2vec's search, the embedding of the last
  ///   queried architecture).
  /// - Returns: the action with its recorded log-density.
  public func sampleAction(state: [Float], using rng: inout some RandomNumberGenerator) -> Action {
    let mean = advance(state)
    let spread = Double(configuration.actionStandardDeviation)
    let values = mean.scalars.map { Float(Double($0) + spread * rng.nextNormal()) }
    return Action(values: values, logDensity: logDensity(of: values, mean: mean))
  }

  /// One REINFORCE step: minimises the mean of `-log p(action) * advantage` over `steps` by one
  /// Adam update, then resets the recurrent state (the next action starts a new chain).
  ///
  /// Every action must come from `sampleAction` since the previous update or reset.
  ///
  /// - Returns: the loss before the update; 0 (and no update) when `steps` is empty.
  @discardableResult
  public func reinforce(_ steps: [(action: Action, advantage: Double)]) -> Double {
    defer { resetState() }
    guard let first = steps.first else { return 0 }
    let scale = -1 / Float(steps.count)
    var loss = first.action.logDensity * (scale * Float(first.advantage))
    for step in steps.dropFirst() { loss = loss + step.action.logDensity * (scale * Float(step.advantage)) }
    for parameter in parameters { parameter.value.zeroGradient() }
    loss.backward()
    optimizer.step(parameters)
    return Double(loss.scalar)
  }

  /// Forgets the recurrent state (zeros) and with it every action not yet used by an update.
  public func resetState() {
    recurrentState = cell.zeroState(batch: 1)
  }

  /// The summed log-density of `actions[i]` after `states[0...i]`, from a zero recurrent state
  /// and without touching the policy's own state; recorded on the tape, shape `[]`.
  ///
  /// Used to check the update and the gradients: `sampleAction` and `reinforce` go through the
  /// same arithmetic.
  public func logDensity(of actions: [[Float]], after states: [[Float]]) -> Tensor {
    precondition(actions.count == states.count && !actions.isEmpty, "RecurrentGaussianPolicy: \(actions.count) actions for \(states.count) states")
    let saved = recurrentState
    defer { recurrentState = saved }
    recurrentState = cell.zeroState(batch: 1)
    var total = logDensity(of: actions[0], mean: advance(states[0]))
    for (action, state) in zip(actions, states).dropFirst() { total = total + logDensity(of: action, mean: advance(state)) }
    return total
  }

  /// The mean `[1, dimensions]` after advancing the recurrent state with `state`.
  private func advance(_ state: [Float]) -> Tensor {
    precondition(state.count == dimensions, "RecurrentGaussianPolicy: a state of \(state.count) values, expected \(dimensions)")
    recurrentState = cell(Tensor(shape: [1, dimensions], scalars: state), state: recurrentState)
    return head(recurrentState.hidden)
  }

  /// `log N(action; mean, sigma² I)` as a recorded scalar.
  private func logDensity(of action: [Float], mean: Tensor) -> Tensor {
    let sigma = Double(configuration.actionStandardDeviation)
    let constant = -Double(dimensions) * (log(sigma) + 0.5 * log(2 * Double.pi))
    let difference = Tensor(shape: [1, dimensions], scalars: action) - mean
    return difference.squared().sum() * Float(-0.5 / (sigma * sigma)) + Float(constant)
  }
}
