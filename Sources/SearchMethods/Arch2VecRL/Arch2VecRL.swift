import Models
import Randomness
import SearchSpaces

/// arch2vec-RL: REINFORCE with a recurrent Gaussian policy in the latent space of a graph VAE
/// pretrained on the whole pool without labels.
///
/// Source: Yan, Zheng, Ao, Zeng and Zhang, 2020, "Does Unsupervised Architecture Representation
/// Learning Help Neural Architecture Search?", NeurIPS, <https://arxiv.org/abs/2006.06936>
/// (code: MSU-MLSys-Lab/arch2vec, `search_methods/reinforce_search_NB201_8x8.py` and
/// `reinforce.py`).
///
/// Pretraining: arch2vec's VAE, shared with `arch2vec-bo` under the family `arch2vec` (equal
/// encoder settings, one pretraining per space and seed; see `Arch2VecBO`). The value kept is
/// the embedding of every pool architecture.
///
/// Search: the first `initialSize` (1) architectures come from the shared initial design. Then
/// every step is one action: the state is the embedding of the last queried architecture; the
/// policy (`RecurrentGaussianPolicy`: `LSTMCell(latent -> policyHiddenSize)` and
/// `Linear(policyHiddenSize -> latent)` giving the mean) draws an action from
/// N(mean, actionStandardDeviation² I); the environment queries the unvisited domain
/// architecture `nearest` selects for it in Euclidean embedding distance (`LatentNeighborhood`).
/// Its reward is signal / 100 (accuracy as a fraction, the source's unit). When `batchSize` (16)
/// rewards have been told, one REINFORCE update minimises the mean over them of
/// `-log p(action) * (reward - baseline)` with Adam (`learningRate` 0.01), and the policy's
/// recurrent state is reset; the next state is still the last queried architecture's embedding.
///
/// The policy is built at the first action from the trial's generator, which also draws every
/// action, so a trial is determined by its seed and the pretrained embedding. NAS-Bench-Graph is
/// refused (its arch2vec graphs cannot be read back as cells; `Arch2VecSearching`).
///
/// Observations: only an evaluated action earns a reward entry. Proposals are unvisited domain
/// pool indices, so a refusal or a repeat cannot happen under the harness; if one did, its action
/// would get no reward and be left out of the update (its step still feeds the recurrent state),
/// and a repeat still moves the state to that architecture. An action whose proposal was not
/// evaluated (the budget ran out within the batch) is dropped likewise.
///
/// Differences from the source:
/// - `nearest: first` (the default) queries the unvisited architecture nearest to the action;
///   the NAS-Bench-201 code reads the sorted candidates from the second on, so it never queries
///   the nearest one even when unvisited (`nearest: skipFirst` restores it; its NAS-Bench-101
///   code takes the nearest, as `first` does);
/// - the start is the shared initial design (`initialSize` 1 = the source's one random
///   architecture), and candidates are the unvisited domain architectures, never the whole pool;
/// - the source computes discounted returns (gamma 0.8) and then discards them: its advantage
///   is each step's own reward minus the fixed baseline, as here;
/// - the source ends its loop on a time budget and updates on the partial last batch; here the
///   harness owns the budget, so a trial's last partial batch is never used;
/// - initial weights and the action spread as a setting: see `RecurrentGaussianPolicy`;
/// - NAS-Bench-101 values (8 epochs, baseline 0.95, `first`) are settings, not chosen per space.
public struct Arch2VecRL: Arch2VecSearching {
  public typealias Pretrained = Arch2VecEmbedding

  public static let name = "arch2vec-rl"
  public static let abstract =
    "REINFORCE with an LSTM Gaussian policy in the latent space of a graph VAE pretrained on the unlabelled pool (Yan et al. 2020)."

  private let settings: Settings
  private var design: InitialDesign
  /// The domain's embeddings and which architectures have been queried.
  private var neighborhood: LatentNeighborhood
  private var policy: RecurrentGaussianPolicy?
  private var started = false
  /// The architecture whose embedding is the next state.
  private var current: Int?
  /// The last action and the architecture it selected, until its observation is told.
  private var pending: (poolIndex: Int, action: RecurrentGaussianPolicy.Action)?
  /// Rewarded actions since the last update.
  private var episode: [(action: RecurrentGaussianPolicy.Action, advantage: Double)] = []
  /// REINFORCE updates made so far.
  public private(set) var updateCount = 0

  public init(settings: Settings, context: SearchContext, pretrained: Arch2VecEmbedding) throws {
    try settings.encoder.requireMatching(pretrained, space: context.space, method: Self.name)
    self.settings = settings
    self.design = context.initialDesign
    self.neighborhood = LatentNeighborhood(poolIndices: context.domain.indices, values: pretrained.values, dimensions: pretrained.dimensions)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard !neighborhood.isExhausted else { return [] }
    guard let current, let state = neighborhood.point(of: current) else {
      // Nothing observed yet (not possible under the harness once the initial design is told):
      // the next unvisited initial-design architecture starts the walk.
      let known = neighborhood
      return design.next { !known.isVisited($0) }.map { [Proposal.poolIndex($0, initial: true)] } ?? []
    }
    let policy = self.policy ?? RecurrentGaussianPolicy(dimensions: neighborhood.dimensions, configuration: settings.policy, using: &rng)
    self.policy = policy
    let action = policy.sampleAction(state: state, using: &rng)
    guard let chosen = neighborhood.select(nearestTo: action.values, rule: settings.nearest) else { return [] }
    pending = (chosen, action)
    return [.poolIndex(chosen)]
  }

  public mutating func tell(_ observations: [Observation]) {
    for observation in observations {
      guard let index = observation.poolIndex, observation.signal != nil else { continue }
      neighborhood.visit(index)
      current = index
      guard let step = pending, step.poolIndex == index else { continue }
      if case .evaluated(let signal, _) = observation.outcome {
        episode.append((step.action, signal / 100 - settings.baseline))
      }
    }
    pending = nil
    if episode.count >= settings.batchSize, let policy {
      policy.reinforce(episode)
      episode = []
      updateCount += 1
    }
  }
}
