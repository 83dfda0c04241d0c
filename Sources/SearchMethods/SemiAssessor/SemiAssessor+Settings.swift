import Models
import SearchSpaces

extension SemiAssessor {
  /// semi-assessor's settings (every choice of the reconstruction; defaults and reasons in
  /// `docs/methods/semi-assessor.md`).
  public struct Settings: Arch2VecEncoded {
    /// arch2vec's VAE (the pretraining key; shared with arch2vec-bo when equal).
    public var encoder = Arch2VecEncoderSettings()
    /// Architectures from the shared initial design.
    public var initialSize = 10
    /// Best-predicted architectures of the sample queried per round.
    public var batchSize = 10
    /// The relation graph and the GCN.
    public var assessor = SemiSupervisedAssessor.Configuration()

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      Arch2VecEncoderSettings.schema(\.encoder) + [
        Setting(\.initialSize, "initialSize", "architectures from the shared initial design", in: 1...1_000_000),
        Setting(\.batchSize, "batchSize", "best-predicted unqueried architectures of the sample queried per round", in: 1...1_000_000),
        Setting(\.assessor.neighbours, "neighbours", "nearest neighbours listed per node of the relation graph (symmetrised)", in: 1...1000),
        Setting(
          \.assessor.sampleSize, "sampleSize", "unqueried domain architectures drawn into the graph each round (its unlabelled nodes)",
          in: 1...10_000_000, quick: 50),
        Setting(
          \.assessor.bandwidthScale, "bandwidthScale", "kernel bandwidth as a multiple of the median neighbour distance",
          in: .greaterThan(0, atMost: 1000)),
        Setting(\.assessor.regression.hiddenSize, "gcnHiddenSize", "width of the GCN's hidden layer", in: 1...4096, quick: 16),
        Setting(\.assessor.regression.epochs, "gcnEpochs", "full-batch GCN training epochs per round", in: 1...100_000, quick: 30),
        Setting(\.assessor.regression.learningRate, "gcnLearningRate", "the GCN's Adam learning rate", in: .greaterThan(0, atMost: 10)),
        Setting(\.assessor.regression.weightDecay, "weightDecay", "coupled L2 weight decay of the GCN", in: 0...10, probe: 0.1),
        Setting(\.assessor.regression.dropout, "dropout", "dropout on the GCN's input and hidden layer", in: 0...0.95, probe: 0.2),
        Setting(
          \.assessor.regression.smoothness, "smoothness", "weight of the graph-Laplacian smoothness term on the outputs (0: off)",
          in: 0...1000, probe: 0.5),
      ]
    }
  }
}
