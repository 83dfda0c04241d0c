import Models
import Randomness
import SearchSpaces

/// arch2vec-BO: Bayesian optimisation with DNGO in the latent space of a graph VAE pretrained
/// on the whole pool without labels.
///
/// Source: Yan, Zheng, Ao, Zeng and Zhang, 2020, "Does Unsupervised Architecture Representation
/// Learning Help Neural Architecture Search?", NeurIPS, <https://arxiv.org/abs/2006.06936>
/// (code: MSU-MLSys-Lab/arch2vec).
///
/// Pretraining (`pretrain`, label-free, cached by the harness under the family `arch2vec`, so
/// `arch2vec-rl` and `semi-assessor` with equal encoder settings reuse it): arch2vec's GIN VAE
/// (`GraphVariationalAutoencoder`: hidden 128, latent 16, 4 GIN layers, Adam 1e-3, clipping 5,
/// batches of 32) trained `epochs` epochs on the first 90 % of the pool in its arch2vec graph
/// form; each epoch reports the reconstruction accuracy of operations and adjacency on the last
/// 10 %, and the validity and uniqueness of `priorSamples` graphs decoded from N(0, I) per node
/// (`Arch2VecPretraining`). The value kept is the embedding of every pool architecture.
///
/// Search: the first `initialSize` (16) architectures come from the shared initial design;
/// then every step refits DNGO (`DNGORegressor`) from scratch on the queried embeddings, with
/// signals divided by 100 (accuracy as a fraction, the source's unit), scores every unqueried
/// domain architecture by expected improvement over the fixed `target`, and queries the
/// `batchSize` best.
///
/// Differences from the source:
/// - the VAE's adjacency loss reads every entry, diagonal included, by default
///   (`adjacencyLoss: symmetric`); the source's strict upper triangle is `upperTriangle`, which
///   reconstructs the edges far better (`docs/methods/arch2vec.md`);
/// - expected improvement uses sigma by default; the source passes the predictive variance
///   where sigma belongs (`expectedImprovement: source` restores it; with variances far below
///   1 it flattens the exploration term, which is why it is not the default);
/// - candidates are the unqueried domain architectures only; the source ranks the whole domain
///   and queries those of its top `batchSize` not yet visited, so a step can query nothing;
/// - the 16 initial architectures are the shared initial design, not the source's own draw;
/// - on fixed-topology spaces (NAS-Bench-201, TransNAS) a prior sample counts as valid when its
///   node types form a cell (input first, output last, operations between); its decoded edges
///   are reported apart as the fixed-edge agreement (`Arch2VecCellReading`);
/// - NAS-Bench-101 cells smaller than 7 vertices are padded after their output, not before it
///   (`Arch2VecCellReading`); the source's NAS-Bench-101 values (8 epochs, target 0.95,
///   batch 5) are settings, not chosen per space;
/// - DNGO: glorot initial weights and evidence maximised by fixed-point iterations without
///   pybnn's hyperpriors (`BayesianLinearRegression`); a constant basis function is added.
public struct Arch2VecBO: PretrainedPredictorProviding, Arch2VecSearching {
  public typealias Pretrained = Arch2VecEmbedding

  public static let name = "arch2vec-bo"
  public static let abstract = "DNGO Bayesian optimisation in the latent space of a graph VAE pretrained on the unlabelled pool (Yan et al. 2020)."

  public static func makePredictor(settings: Settings, domain: Domain, pretrained: Arch2VecEmbedding) throws -> any Predictor {
    try settings.encoder.requireMatching(pretrained, space: domain.space, method: name)
    return DNGORegressor(inputs: pretrained.values, width: pretrained.dimensions, configuration: settings.dngo)
  }

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let model: DNGORegressor
  private var started = false

  public init(settings: Settings, context: SearchContext, pretrained: Arch2VecEmbedding) throws {
    try settings.encoder.requireMatching(pretrained, space: context.space, method: Self.name)
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.model = DNGORegressor(inputs: pretrained.values, width: pretrained.dimensions, configuration: settings.dngo)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard memory.count < domain.count else { return [] }
    let queried = memory.order
    try model.fit(poolIndices: queried, targets: queried.compactMap { memory[$0] }.map { $0 / 100 }, using: &rng)
    let known = memory
    let candidates = domain.indices.filter { !known.contains($0) }
    let (means, variances) = model.predictiveDistribution(poolIndices: candidates)
    let scores = candidates.indices.map { position in
      ExpectedImprovement.value(mean: means[position], variance: variances[position], target: settings.target, variant: settings.expectedImprovement)
    }
    let ranked = PredictedRanking(candidates, scores: scores)
    return ranked.order.prefix(min(count, settings.batchSize)).map { Proposal.poolIndex($0) }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }
}
