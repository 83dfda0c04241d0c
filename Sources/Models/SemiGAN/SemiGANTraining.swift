/// How a generator's token choices reach the discriminator and the predictor with a gradient.
public enum ArchitectureRelaxation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Gumbel-softmax samples made one-hot in the forward pass, the soft sample's gradient in the
  /// backward pass (straight-through). The discriminator then sees one-hot rows like the real
  /// ones and cannot tell generated rows by their softness alone.
  case straightThrough = "straight-through"
  /// The soft Gumbel-softmax sample in both passes (Jang et al. 2017).
  case gumbelSoftmax = "gumbel-softmax"
}

/// The losses and schedule of SemiGAN-NAD's adversarial game (reconstruction; see
/// `SemiGANModel` for the game itself and `docs/methods/semigan-nad.md` for each choice).
public struct SemiGANTraining: Sendable, Hashable {
  /// The sizes of the three networks.
  public var shape = NetworkShape()
  /// Adam learning rate of the predictor.
  public var predictorLearningRate: Float = 1e-3
  /// Adam learning rate of the generator and the discriminator (beta1 0.5, the usual GAN choice).
  public var adversarialLearningRate: Float = 5e-4
  /// Real (queried) pairs per step, drawn with replacement.
  public var labelledBatch = 32
  /// Pool architectures per step, with the predictor's signals (the semi-supervised pairs).
  public var unlabelledBatch = 32
  /// Generated pairs per step.
  public var generatedBatch = 32
  /// Weight of the pairwise logistic ranking loss beside the squared error on real pairs.
  public var rankingWeight: Float = 1
  /// Weight of the adversarial terms in the predictor's and the generator's losses; 0 removes
  /// the discriminator from the game (the "no adversarial loss" ablation).
  public var adversarialWeight: Float = 0.5
  /// Share of the discriminator's "not real" side given to semi-supervised pairs (the rest to
  /// generated pairs); 0 uses no unlabelled architecture (the "no unlabelled data" ablation).
  public var unlabelledShare: Float = 0.5
  /// Weight of the cycle term `P(G(y, z)) ~ y` in the generator's loss; 0 removes it.
  public var cycleWeight: Float = 1
  /// Gumbel-softmax temperature of generated rows during training.
  public var temperature: Float = 1
  /// How generated rows pass gradients.
  public var relaxation = ArchitectureRelaxation.straightThrough
  /// Share of each step's generated targets drawn from the high range (above the best signal
  /// seen, up to `targetMargin` standard deviations above it); the rest are observed signals.
  public var highTargetShare: Float = 0.5
  /// Width of the high range in standard deviations of the observed signals.
  public var targetMargin: Float = 0.5
  /// Global gradient-norm clip applied to each network's step.
  public var gradientClip: Float = 5
  /// Whether the generator is trained at all (off for the "no generator" ablation).
  public var trainsGenerator = true

  /// The defaults.
  public init() {}

  /// Whether the discriminator takes part in the game.
  public var isAdversarial: Bool { adversarialWeight > 0 }
}
