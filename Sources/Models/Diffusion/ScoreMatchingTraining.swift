/// How DiffusionNAG's score network is trained by denoising score matching.
///
/// The source trains 250,000 iterations at batch 256 with Adam at 2e-5 (1,000 warm-up steps,
/// gradients clipped at norm 1) and samples with an exponential moving average of rate 0.9999.
/// That is about 1 PFLOP, days on one CPU core. The defaults here are a schedule a CPU
/// finishes in minutes (3,000 steps at batch 64), checked by the unconditional samples of the
/// pretraining report (on NAS-Bench-201 with the 4-block network: 97.7 % valid, 99.6 %
/// distinct, largest per-position type-frequency gap to the pool 0.072 over 256 samples), with
/// a learning rate and an average's rate suited to the shorter schedule (0.9999 averages over
/// about 10,000 steps, more than the whole schedule; at 1e-3 the same schedule gave 76 %
/// valid samples).
public struct ScoreMatchingTraining: Sendable, Hashable, Codable {
  /// Training iterations (the source: 250,000).
  public var iterations = 3000
  /// Cells per iteration (the source: 256).
  public var batchSize = 64
  /// Adam's learning rate after warm-up (the source: 2e-5).
  public var learningRate: Float = 2e-3
  /// Linear warm-up steps (the source: 1,000).
  public var warmupSteps = 100
  /// Global gradient-norm clipping (1).
  public var gradientClipping: Float = 1
  /// Rate of the parameter average the sampler uses (the source: 0.9999).
  public var averageRate: Float = 0.99
  /// Smallest training time (the source: 1e-5).
  public var smallestTime: Float = 1e-5

  /// The defaults.
  public init() {}

  /// A stable text, for cache keys.
  public var key: String {
    "iterations=\(iterations) batch=\(batchSize) lr=\(learningRate) warmup=\(warmupSteps) clip=\(gradientClipping) ema=\(averageRate) eps=\(smallestTime)"
  }
}
