import Models
import Randomness
import SearchSpaces

/// semi-assessor: the semi-supervised assessor of Tang et al. (CVPR 2020,
/// <https://arxiv.org/abs/2005.06821>) as NASArena **reconstructs** it from the abstract (no
/// code or tables are public): arch2vec's label-free embeddings (`Arch2VecSearching`, the
/// pretraining shared with arch2vec-bo), a kNN relation graph over the queried architectures
/// and a fresh sample of the unqueried domain, a transductive two-layer GCN regressor
/// (`SemiSupervisedAssessor`), and each round the best-predicted `batchSize` of the sample
/// queried (`UnlabelledSampleSearch`).
///
/// Every choice the abstract leaves open is a setting; the reasons are in
/// `docs/methods/semi-assessor.md`: the auto-encoder (arch2vec's GIN VAE, the nearest published
/// graph auto-encoder of architectures, so the two methods differ only in what follows it);
/// k = 10 neighbours, symmetrised, Gaussian kernel with the median neighbour distance as
/// bandwidth (the usual label-propagation graph; a nearby public work, etri-clara/Graph-NAS,
/// uses the same kNN k = 10); Kipf and Welling's GCN training settings with hidden 64; 10,000
/// unlabelled nodes redrawn each round (a dense 10k x 10k adjacency would be 400 MB, so the
/// aggregation is sparse); no Laplacian term (optional); 10 initial architectures and 10 per
/// round, as the other predictor methods here.
public struct SemiAssessor: PretrainedPredictorProviding, Arch2VecSearching, Recommending {
  public typealias Pretrained = Arch2VecEmbedding

  public static let name = "semi-assessor"
  public static let abstract = "GCN regressor over a kNN graph of labelled and unlabelled arch2vec embeddings (Tang et al. 2020, reconstruction)."
  public static let reconstruction: String? =
    "a reconstruction of the semi-supervised assessor (Tang et al., CVPR 2020) from its abstract alone, not the authors' code; choices in docs/methods/semi-assessor.md"

  public static func makePredictor(settings: Settings, domain: Domain, pretrained: Arch2VecEmbedding) throws -> any Predictor {
    try model(settings: settings, domain: domain, pretrained: pretrained)
  }

  private static func model(settings: Settings, domain: Domain, pretrained: Arch2VecEmbedding) throws -> SemiSupervisedAssessor {
    try settings.encoder.requireMatching(pretrained, space: domain.space, method: name)
    return SemiSupervisedAssessor(
      features: EmbeddingFeatures(values: pretrained.values, width: pretrained.dimensions), candidates: domain.indices,
      configuration: settings.assessor)
  }

  private var search: UnlabelledSampleSearch<SemiSupervisedAssessor>

  public init(settings: Settings, context: SearchContext, pretrained: Arch2VecEmbedding) throws {
    let model = try Self.model(settings: settings, domain: context.domain, pretrained: pretrained)
    search = UnlabelledSampleSearch(model: model, context: context, initialSize: settings.initialSize, batchSize: settings.batchSize)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    try search.ask(count: count, using: &rng)
  }

  public mutating func tell(_ observations: [Observation]) {
    search.tell(observations)
  }

  public func recommendation() -> Int? { search.predictedBest }
}
