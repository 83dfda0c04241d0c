import Models
import SearchSpaces

extension DiffusionNAG {
  /// Which predictor ranks the cells generated in a round.
  public enum Ranking: String, SettingChoice {
    /// A predictor of the same shape trained on the clean matrices of the queried cells.
    case clean
    /// The guidance predictor itself, read at the smallest noise level.
    case noiseAware
  }

  /// DiffusionNAG's settings: the source's values (CownowAn/DiffusionNAG, NAS-Bench-201
  /// configuration) except where `ScoreMatchingTraining` and the fields' comments say why not.
  public struct Settings: MethodSettings {
    /// The score network (the pretraining key): the source's transformer with 4 blocks
    /// instead of 12 (`layers: 12` restores it). The MLP over the concatenated block outputs
    /// grows with the square of the block count; at 12 blocks a score-matching step cost 28
    /// times as much on this project's 2-core machine (1.7 s against 0.06 s at batch 64).
    public var scoreNetwork = Self.cpuShape
    /// The noise schedule (sigma 0.1 .. 5.0 as in the source); its step count is the
    /// sampler's: 100, not the source's 1000, so one draw of 64 cells takes seconds, not
    /// minutes (unconditional NB201 samples at 100 steps: 97.7 % valid).
    public var sde = VarianceExplodingSDE(steps: 100)
    /// Which nodes attend to which.
    public var attentionMask = DiffusionNodeForm.AttentionMask.reachability
    /// Denoising score matching on the pool (the pretraining key).
    public var training = ScoreMatchingTraining()
    /// Unconditional samples drawn after pretraining for its report.
    public var reportSamples = 256
    /// Architectures from the shared initial design (the source: 10).
    public var initialSize = 10
    /// Generated candidates queried per round (b).
    ///
    /// The source's transfer loop trains its single top candidate (N = 1); a from-scratch
    /// loop at b = 1 samples 90 times in a 100-query budget, so the default queries 5.
    public var batchSize = 5
    /// Unique valid unqueried domain cells wanted per round before ranking (K, the source: 10).
    public var candidates = 10
    /// Cells sampled per draw (the source's sampling batch: 256; 32 here: with about 90 %
    /// of the samples valid and distinct on NB201, one draw usually yields K = 10).
    public var samplesPerDraw = 32
    /// Draws per round at most (the source's patience: 20).
    public var draws = 20
    /// Guidance scale of a round's first draw (the source: 10,000).
    ///
    /// 10 here: the predictor's targets are standardised, and on NB201 CIFAR-10 (50 labelled
    /// cells, 2 x 128 samples) scale 10 raised the mean signal of the samples from 83.8 to
    /// 88.0 with 94.5 % of them valid, while at 100, 1,000 and 10,000 no sample was valid.
    public var guidanceScale: Float = 10
    /// How much each further draw of a round lowers the scale (the source: 300 of 10,000;
    /// the same ratio here).
    public var scaleStep: Float = 0.3
    /// The corrector's signal-to-noise ratio (0.16).
    public var signalToNoise: Float = 0.16
    /// Langevin steps per sampler step (1).
    public var correctorSteps = 1
    /// The guidance and ranking predictors: the source's PredictorCATE has the score
    /// network's shape; 2 blocks here, since the two predictors are fitted afresh every round
    /// and their fits were most of a round's time at 4 blocks (35 s a round on NB201).
    public var predictor = Self.predictorShape
    /// How the predictors are fitted each round.
    public var predictorTraining = Self.predictorFit
    /// Which predictor ranks the candidates.
    public var ranking = Ranking.clean
    /// Random unqueried domain architectures the ranking predictor ranks to fill a round with
    /// fewer candidates than `batchSize`.
    public var fallbackSample = 1000

    /// The defaults.
    public init() {}

    /// The source's transformer shape with 4 blocks.
    static var cpuShape: NodeTransformerShape {
      var shape = NodeTransformerShape()
      shape.layers = 4
      return shape
    }

    /// The source's transformer shape with 2 blocks.
    static var predictorShape: NodeTransformerShape {
      var shape = NodeTransformerShape()
      shape.layers = 2
      return shape
    }

    /// Predictor fits of 100 steps on at most 64 cells a step.
    static var predictorFit: NoiseAwarePredictorTraining {
      var training = NoiseAwarePredictorTraining()
      training.steps = 100
      training.batchSize = 64
      return training
    }

    /// The pretraining key text.
    var pretrainingKey: String {
      "\(scoreNetwork.key) sigma=\(sde.sigmaMin)..\(sde.sigmaMax) mask=\(attentionMask.rawValue) \(training.key) report=\(reportSamples)"
    }

    public static var schema: [Setting<Self>] {
      [
        Setting(\.scoreNetwork.layers, "layers", "score-network transformer blocks; changes the pretraining", in: 1...64, quick: 2),
        Setting(\.scoreNetwork.modelSize, "modelSize", "score-network width (a multiple of heads); changes the pretraining", in: 4...1024, quick: 16),
        Setting(\.scoreNetwork.heads, "heads", "score-network attention heads; changes the pretraining", in: 1...64, quick: 2, probe: 8),
        Setting(
          \.scoreNetwork.feedForwardSize, "feedForwardSize", "score-network feed-forward width; changes the pretraining", in: 1...8192, quick: 32,
          probe: 4),
        Setting(\.scoreNetwork.dropout, "dropout", "score-network dropout; changes the pretraining", in: 0...0.9, quick: 0, probe: 0.3),
        Setting(
          \.sde.sigmaMin, "sigmaMin", "smallest noise level of the SDE; changes the pretraining", in: .greaterThan(0, atMost: 100), probe: 0.05),
        Setting(
          \.sde.sigmaMax, "sigmaMax", "largest noise level (the prior's spread); changes the pretraining", in: .greaterThan(0, atMost: 1000),
          probe: 50),
        Setting(\.sde.steps, "samplingSteps", "reverse-time steps of the sampler", in: 1...100_000),
        Setting(
          \.attentionMask, "attentionMask",
          "which nodes attend to which: reachability (the source's configuration, floyd) or adjacency (what its code does); changes the pretraining"),
        Setting(
          \.training.iterations, "trainingIterations", "score-matching iterations (the source: 250,000); changes the pretraining", in: 0...10_000_000,
          quick: 800),
        Setting(\.training.batchSize, "trainingBatchSize", "cells per score-matching iteration; changes the pretraining", in: 1...100_000, quick: 32),
        Setting(
          \.training.learningRate, "learningRate", "Adam's learning rate for score matching (the source: 2e-5); changes the pretraining",
          in: .greaterThan(0, atMost: 1)),
        Setting(
          \.training.warmupSteps, "warmupSteps", "linear warm-up of that rate (the source: 1,000); changes the pretraining", in: 0...1_000_000,
          quick: 2, probe: 200),
        Setting(
          \.training.gradientClipping, "gradientClipping", "global gradient-norm clipping of score matching; changes the pretraining",
          in: .greaterThan(0, atMost: 1000), probe: 0.001),
        Setting(
          \.training.averageRate, "averageRate", "rate of the parameter average the sampler uses (the source: 0.9999); changes the pretraining",
          in: 0...0.999_999, quick: 0.9, probe: 0.5),
        Setting(
          \.reportSamples, "reportSamples", "unconditional samples judged after pretraining (validity, uniqueness, type frequencies)",
          in: 0...1_000_000,
          quick: 8, sameTrajectory: "only the pretraining report reads them, from a generator of their own"),
        Setting(\.initialSize, "initialSize", "architectures from the shared initial design", in: 1...1_000_000, quick: 6),
        Setting(\.batchSize, "batchSize", "generated candidates queried per round (b)", in: 1...1_000_000, quick: 5),
        Setting(
          \.candidates, "candidates", "unique valid unqueried cells wanted per round before ranking (K)", in: 1...1_000_000, quick: 4, probe: 40),
        Setting(\.samplesPerDraw, "samplesPerDraw", "cells sampled per draw", in: 1...1_000_000, quick: 4),
        Setting(\.draws, "draws", "draws per round at most, each at a lower guidance scale (patience)", in: 1...10_000, quick: 2, probe: 1),
        Setting(\.guidanceScale, "guidanceScale", "guidance scale of a round's first draw", in: 0...1e9, quick: 1, probe: 20),
        Setting(\.scaleStep, "scaleStep", "how much each further draw lowers the scale", in: 0...1e9, quick: 0.2, probe: 0.9),
        Setting(\.signalToNoise, "signalToNoise", "the Langevin corrector's signal-to-noise ratio", in: 0...100, probe: 1),
        Setting(\.correctorSteps, "correctorSteps", "Langevin steps per sampler step", in: 0...100),
        Setting(\.predictor.layers, "predictorLayers", "predictor transformer blocks", in: 1...64, quick: 1),
        Setting(\.predictor.modelSize, "predictorModelSize", "predictor width (a multiple of predictorHeads)", in: 4...1024, quick: 8),
        Setting(\.predictor.heads, "predictorHeads", "predictor attention heads", in: 1...64, quick: 2, probe: 4),
        Setting(\.predictor.feedForwardSize, "predictorFeedForwardSize", "predictor feed-forward width", in: 1...8192, quick: 8),
        Setting(\.predictor.dropout, "predictorDropout", "predictor dropout", in: 0...0.9, quick: 0.1),
        Setting(\.predictorTraining.steps, "predictorSteps", "gradient steps of each predictor fit per round", in: 1...1_000_000, quick: 10),
        Setting(\.predictorTraining.batchSize, "predictorBatchSize", "cells per predictor step", in: 1...1_000_000, quick: 4),
        Setting(\.predictorTraining.learningRate, "predictorLearningRate", "Adam's learning rate for the predictors", in: .greaterThan(0, atMost: 1)),
        Setting(\.ranking, "ranking", "which predictor ranks the candidates: clean or noiseAware"),
        Setting(\.fallbackSample, "fallbackSample", "random unqueried architectures ranked to fill a short round", in: 1...10_000_000, quick: 50),
      ]
    }
  }
}

/// The attention pattern of DiffusionNAG's networks is a setting.
extension DiffusionNodeForm.AttentionMask: SettingChoice {}
