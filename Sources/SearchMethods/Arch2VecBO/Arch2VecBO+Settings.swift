import Models
import SearchSpaces

extension Arch2VecBO {
  /// Which expected-improvement formula ranks the candidates.
  public enum ExpectedImprovementVariant: String, SettingChoice {
    /// `(mu - target) Phi(z) + sigma phi(z)` with `z = (mu - target) / sigma`.
    case correct
    /// arch2vec's code: the predictive variance where sigma belongs, in both places.
    case source
  }

  /// arch2vec-BO's settings (defaults: the source's NAS-Bench-201 setting; on NAS-Bench-101 the
  /// source uses `epochs: 8`, `target: 0.95`, `batchSize: 5`).
  public struct Settings: Arch2VecEncoded {
    /// The VAE (the pretraining key).
    public var encoder = Arch2VecEncoderSettings()
    /// Architectures from the shared initial design.
    public var initialSize = 16
    /// Unqueried architectures of highest expected improvement queried per step.
    public var batchSize = 1
    /// The fixed target of the expected improvement, in units of signal / 100.
    public var target = 1.0
    /// The expected-improvement formula.
    public var expectedImprovement = ExpectedImprovementVariant.correct
    /// DNGO's network and training.
    public var dngo = DNGORegressor.Configuration()

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      Arch2VecEncoderSettings.schema(\.encoder) + [
        Setting(\.initialSize, "initialSize", "architectures from the shared initial design", in: 1...1_000_000),
        Setting(\.batchSize, "batchSize", "unqueried architectures of highest expected improvement per step (5 on NAS-Bench-101)", in: 1...1_000_000),
        Setting(\.target, "target", "fixed target of the expected improvement in signal / 100 (0.95 on NAS-Bench-101)", in: 0...1000, probe: 0.2),
        Setting(\.expectedImprovement, "expectedImprovement", "expected-improvement formula: correct, or the source's (variance in place of sigma)"),
        Setting(\.dngo.hiddenSize, "dngoHiddenSize", "width of DNGO's tanh feature layer", in: 1...4096, quick: 32),
        Setting(\.dngo.epochs, "dngoEpochs", "DNGO training epochs per step", in: 1...100_000, quick: 20),
        Setting(\.dngo.batchSize, "dngoBatchSize", "DNGO mini-batch size", in: 1...1_000_000, probe: 4),
        Setting(\.dngo.learningRate, "dngoLearningRate", "DNGO's Adam learning rate", in: .greaterThan(0, atMost: 10)),
      ]
    }
  }
}
