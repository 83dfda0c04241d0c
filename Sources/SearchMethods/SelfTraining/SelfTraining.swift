import Models
import Randomness
import SearchSpaces

/// self-training: a self-training baseline in the manner of SemiNAS (Luo et al., NeurIPS 2020,
/// <https://arxiv.org/abs/2002.10389>, code renqianluo/SemiNAS), the like-for-like rival of
/// `semi-assessor`: the same arch2vec embeddings (`Arch2VecSearching`, the pretraining shared
/// with arch2vec-bo and semi-assessor), the same unlabelled sample size and search loop
/// (`UnlabelledSampleSearch`); the unlabelled architectures are pseudo-labelled by a teacher
/// MLP and a student is trained on both (`SelfTrainingRegressor`).
///
/// Not SemiNAS itself: SemiNAS's predictor is NAO's encoder-predictor-decoder on architecture
/// sequences and it proposes new architectures by gradient steps in NAO's latent space; here
/// the predictor is an MLP on the embedding and the proposals are the best-predicted of the
/// pseudo-labelled sample. See `SelfTrainingRegressor` for the training.
public struct SelfTraining: PretrainedPredictorProviding, Arch2VecSearching, Recommending {
  public typealias Pretrained = Arch2VecEmbedding

  public static let name = "self-training"
  public static let abstract = "Teacher-student pseudo-labelling of unlabelled arch2vec embeddings, in the manner of SemiNAS (Luo et al. 2020)."
  public static let reconstruction: String? =
    "a self-training baseline in the manner of SemiNAS (Luo et al., NeurIPS 2020), not SemiNAS itself (no NAO encoder-decoder); see docs/methods/semi-assessor.md"

  public static func makePredictor(settings: Settings, domain: Domain, pretrained: Arch2VecEmbedding) throws -> any Predictor {
    try model(settings: settings, domain: domain, pretrained: pretrained)
  }

  private static func model(settings: Settings, domain: Domain, pretrained: Arch2VecEmbedding) throws -> SelfTrainingRegressor {
    try settings.encoder.requireMatching(pretrained, space: domain.space, method: name)
    return SelfTrainingRegressor(
      features: EmbeddingFeatures(values: pretrained.values, width: pretrained.dimensions), candidates: domain.indices,
      configuration: settings.model)
  }

  private var search: UnlabelledSampleSearch<SelfTrainingRegressor>

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
