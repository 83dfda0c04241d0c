import Models
import SearchSpaces

extension Arch2VecRL {
  /// arch2vec-RL's settings (defaults: the source's NAS-Bench-201 setting; on NAS-Bench-101 the
  /// source uses `epochs: 8`, `baseline: 0.95` and takes the nearest unvisited architecture,
  /// `nearest: first`).
  public struct Settings: Arch2VecEncoded {
    /// The VAE (the pretraining key).
    public var encoder = Arch2VecEncoderSettings()
    /// Architectures from the shared initial design before the first action (the source: one
    /// random architecture, the first state).
    public var initialSize = 1
    /// Rewarded steps per REINFORCE update.
    public var batchSize = 16
    /// The fixed baseline subtracted from every reward (signal / 100).
    public var baseline = 0.4
    /// Which unvisited architecture an action selects.
    public var nearest = LatentNeighborhood.Rule.first
    /// The policy's width, learning rate and action spread.
    public var policy = RecurrentGaussianPolicy.Configuration()

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      Arch2VecEncoderSettings.schema(\.encoder) + [
        Setting(\.initialSize, "initialSize", "architectures from the shared initial design before the first action", in: 1...1_000_000),
        Setting(\.batchSize, "batchSize", "rewarded steps (one action, one query each) per REINFORCE update", in: 1...1_000_000, probe: 8),
        Setting(\.baseline, "baseline", "fixed baseline subtracted from every reward signal / 100 (0.95 on NAS-Bench-101)", in: 0...1000, probe: 0.9),
        Setting(
          \.nearest, "nearest",
          "which unvisited architecture an action selects: first (the nearest), or skipFirst (the source's NAS-Bench-201 code: never the one nearest to the action)"
        ),
        Setting(\.policy.hiddenSize, "policyHiddenSize", "width of the policy's LSTM cell", in: 1...4096, quick: 32),
        Setting(\.policy.learningRate, "learningRate", "the policy's Adam learning rate", in: .greaterThan(0, atMost: 10), probe: 0.1),
        Setting(
          \.policy.actionStandardDeviation, "actionStandardDeviation", "standard deviation of each action coordinate around the policy's mean",
          in: .greaterThan(0, atMost: 1000)),
      ]
    }
  }
}
