import Models
import SearchSpaces

extension ArchitectureRelaxation: SettingChoice {}

extension SemiGANNAD {
  /// How each round chooses the architectures to query.
  public enum Selection: String, Sendable, Hashable, Codable, CaseIterable, SettingChoice {
    /// NACG: G generates for high targets, P ranks the unique valid unqueried cells (the method).
    case generator
    /// P ranks every unqueried domain architecture; G is not trained (the "no generator" ablation).
    case poolRanking = "pool-ranking"
  }

  /// SemiGAN-NAD's settings (reconstruction: the paper gives none; each default's reason is in
  /// `docs/methods/semigan-nad.md`).
  public struct Settings: MethodSettings {
    /// Random architectures of the shared initial design queried first.
    public var initialSize = 10
    /// Architectures queried per round (k).
    public var batchSize = 10
    /// Training steps of the game after the initial design (fresh networks).
    public var initialSteps = 300
    /// Training steps of each later round (warm start).
    public var roundSteps = 100
    /// Cells G samples per round for high targets.
    public var samples = 500
    /// Temperature of the first draw from G's token distributions (0: the most likely token).
    public var samplingTemperature: Float = 1
    /// Unique valid unqueried domain cells wanted for P to rank before drawing stops.
    public var candidates = 50
    /// Draws of `samples` cells at most per round, each at twice the previous temperature.
    public var draws = 4
    /// How rounds choose what to query.
    public var selection = Selection.generator
    /// When fewer than `batchSize` generated cells are unique, valid, in the domain and
    /// unqueried, the rest of the round comes from P's ranking of this many random unqueried
    /// domain architectures.
    public var fallbackSample = 2000
    /// Steps averaged into each point of the round's loss curves (discriminator, predictor,
    /// generator) in the generation report; 0 writes no curves. Rounds that generate nothing
    /// (`selection: pool-ranking`) report no curves.
    public var lossCurveWindow = 0
    /// The game.
    public var training = SemiGANTraining()

    /// The defaults.
    public init() {}

    public static var schema: [Setting<Self>] {
      [
        Setting(\.initialSize, "initialSize", "random architectures queried first (shared initial design)", in: 1...1_000_000, quick: 6),
        Setting(\.batchSize, "batchSize", "architectures queried per round (k)", in: 1...1_000_000, quick: 4),
        Setting(\.initialSteps, "initialSteps", "training steps after the initial design (fresh networks)", in: 1...10_000_000, quick: 20),
        Setting(\.roundSteps, "roundSteps", "training steps of each later round (warm start)", in: 0...10_000_000, quick: 10),
        Setting(\.samples, "samples", "cells the generator samples per draw for high targets", in: 1...1_000_000, quick: 16),
        Setting(
          \.samplingTemperature, "samplingTemperature", "temperature of the first draw from the generator's tokens; 0 takes the most likely token",
          in: 0...100),
        Setting(
          \.candidates, "candidates", "unique valid unqueried domain cells wanted before drawing stops", in: 1...1_000_000, quick: 4, probe: 64),
        Setting(\.draws, "draws", "draws of `samples` cells at most per round, each at twice the previous temperature", in: 1...64, quick: 2),
        Setting(\.selection, "selection", "generator (NACG, the method) or pool-ranking (P ranks the domain: the no-generator ablation)"),
        Setting(
          \.fallbackSample, "fallbackSample",
          "random unqueried domain architectures P ranks to fill a round the generator leaves short", in: 1...100_000_000, quick: 200,
          probe: 1),
        Setting(
          \.lossCurveWindow, "lossCurveWindow",
          "steps averaged into each point of the per-round loss curves in the generation report; 0 writes none", in: 0...1_000_000,
          sameTrajectory: "only what is logged changes"),
        Setting(\.training.shape.modelSize, "modelSize", "width of each position's vector in the three transformers", in: 1...4096, quick: 16),
        Setting(\.training.shape.heads, "heads", "attention heads per block (divides modelSize)", in: 1...64, quick: 2, probe: 4),
        Setting(\.training.shape.layers, "layers", "transformer blocks of the predictor and the discriminator", in: 0...64, quick: 1),
        Setting(\.training.shape.generatorLayers, "generatorLayers", "transformer blocks of the generator", in: 0...64, quick: 1),
        Setting(\.training.shape.feedForwardSize, "feedForwardSize", "feed-forward width inside each block", in: 1...65_536, quick: 32),
        Setting(\.training.shape.noiseSize, "noiseSize", "length of the generator's noise vector z", in: 1...4096, quick: 8),
        Setting(\.training.shape.dropout, "dropout", "dropout in the predictor's and discriminator's blocks", in: 0..<1, probe: 0.2),
        Setting(\.training.predictorLearningRate, "predictorLearningRate", "Adam learning rate of the predictor", in: .greaterThan(0, atMost: 10)),
        Setting(
          \.training.adversarialLearningRate, "adversarialLearningRate", "Adam learning rate (beta1 0.5) of the generator and discriminator",
          in: .greaterThan(0, atMost: 10)),
        Setting(\.training.labelledBatch, "labelledBatch", "real (queried) pairs per step, drawn with replacement", in: 2...65_536, quick: 8),
        Setting(\.training.unlabelledBatch, "unlabelledBatch", "pool architectures with predicted signals per step", in: 1...65_536, quick: 8),
        Setting(\.training.generatedBatch, "generatedBatch", "generated pairs per step", in: 1...65_536, quick: 8),
        Setting(\.training.rankingWeight, "rankingWeight", "weight of the pairwise ranking loss on real pairs", in: 0...1_000),
        Setting(
          \.training.adversarialWeight, "adversarialWeight",
          "weight of the adversarial terms of the predictor and generator; 0 removes the discriminator (ablation)", in: 0...1_000),
        Setting(
          \.training.unlabelledShare, "unlabelledShare",
          "share of the discriminator's not-real side from pool architectures with predicted signals; 0 uses no unlabelled data (ablation)",
          in: 0...1, probe: 0.9),
        Setting(\.training.cycleWeight, "cycleWeight", "weight of the cycle term P(G(y, z)) ~ y; 0 removes it (ablation)", in: 0...1_000),
        Setting(\.training.temperature, "temperature", "Gumbel-softmax temperature of generated rows in training", in: .greaterThan(0, atMost: 100)),
        Setting(\.training.relaxation, "relaxation", "how generated rows pass gradients to D and P"),
        Setting(
          \.training.highTargetShare, "highTargetShare", "share of training targets drawn above the best observed signal", in: 0...1),
        Setting(
          \.training.targetMargin, "targetMargin",
          "width of the high range above the best signal, in standard deviations of the observed signals", in: 0...100),
        Setting(\.training.gradientClip, "gradientClip", "global gradient-norm clip of each network's step", in: .greaterThan(0, atMost: 1_000_000)),
      ]
    }

    public func validate() throws {
      try require(
        training.shape.modelSize % training.shape.heads == 0, "heads", training.shape.heads,
        expected: "a divisor of modelSize (\(training.shape.modelSize))")
      if selection == .generator {
        try require(
          training.adversarialWeight > 0 || training.cycleWeight > 0, "cycleWeight", training.cycleWeight,
          expected: "a positive number when adversarialWeight is 0 (else nothing trains the generator)")
      }
      let weights =
        (training.shape.layers * 2 + training.shape.generatorLayers) * training.shape.modelSize
        * (4 * training.shape.modelSize + 2 * training.shape.feedForwardSize)
      try require(
        weights <= ModelSize.maximumWeights, "modelSize", training.shape.modelSize,
        expected: "at most \(ModelSize.maximumWeights) transformer weights in all (these settings need \(weights))")
    }
  }
}
