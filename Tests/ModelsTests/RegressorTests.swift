import Benchmarks
import Models
import Randomness
import SearchSpaces
import TestSupport
import Testing

/// The MLP regressor, the ensemble and the encoded domain on the tiny benchmark.
@Suite struct RegressorTests {
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! TinyTaskSource(positions: 4, operations: 4).task(named: "tiny")

  static func small(_ loss: MLPRegressor.LossKind = .meanSquaredError, epochs: Int = 200) -> MLPRegressor.Configuration {
    MLPRegressor.Configuration(hiddenSizes: [32, 32], epochs: epochs, batchSize: 16, learningRate: 0.01, loss: loss)
  }

  static func meanRank(_ predicted: [Double], _ truth: [Double]) -> Double {
    // Fraction of concordant pairs (a tau-like score in [0, 1]).
    var concordant = 0
    var pairs = 0
    for i in predicted.indices {
      for j in predicted.indices where i < j && truth[i] != truth[j] {
        pairs += 1
        if (predicted[i] - predicted[j]) * (truth[i] - truth[j]) > 0 { concordant += 1 }
      }
    }
    return Double(concordant) / Double(max(pairs, 1))
  }
}

extension RegressorTests {
  // MARK: - Encoded domain

  @Test func encodedDomainRowsMatchTheSpaceEncoding() {
    let encoded = EncodedDomain.shared(Self.task.domain, as: .oneHot)
    let space = Self.task.domain.space
    #expect(encoded.width == 16)
    #expect(encoded.values.count == 256 * 16)
    for index in [0, 17, 255] {
      #expect(encoded.features(of: [index]) == space.encode(space.architecture(at: index), as: .oneHot))
    }
    // The shared value is built once: a second request returns equal contents.
    #expect(EncodedDomain.shared(Self.task.domain, as: .oneHot).values == encoded.values)
  }

  // MARK: - MLP regressor

  @Test(arguments: [MLPRegressor.LossKind.meanSquaredError, .meanAbsoluteError])
  func mlpFitsASmallSetBelowALossBound(_ loss: MLPRegressor.LossKind) throws {
    let regressor = MLPRegressor(features: EncodedDomain.shared(Self.task.domain, as: .oneHot), configuration: Self.small(loss))
    let training = Array(stride(from: 0, to: 256, by: 5))
    var rng = SeededGenerator(seed: 1)
    try regressor.fit(poolIndices: training, targets: training.map { Self.task.signal[$0] }, using: &rng)
    // A constant prediction scores 0.5 (half MSE) or about 0.8 (MAE) on z-scored targets.
    let bound: Float = loss == .meanSquaredError ? 0.05 : 0.15
    #expect(regressor.finalLoss < bound, "final loss \(regressor.finalLoss)")
    let rest = Self.task.domain.indices.filter { $0 % 5 != 0 }
    let agreement = Self.meanRank(regressor.predict(poolIndices: rest), rest.map { Self.task.signal[$0] })
    #expect(agreement > 0.8, "concordant pairs \(agreement)")
  }

  @Test func mlpStoppingRuleEndsTrainingEarly() throws {
    var configuration = Self.small(epochs: 500)
    configuration.stopping = .scikitLearn(patience: 5, tolerance: 1e-2)
    let regressor = MLPRegressor(features: EncodedDomain.shared(Self.task.domain, as: .oneHot), configuration: configuration)
    var rng = SeededGenerator(seed: 2)
    let training = Array(0..<64)
    try regressor.fit(poolIndices: training, targets: training.map { Self.task.signal[$0] }, using: &rng)
    #expect(regressor.epochsRun < 500)
  }

  @Test func mlpFitIsDeterministicForASeed() throws {
    func predictions(seed: UInt64) throws -> [Double] {
      let regressor = MLPRegressor(features: EncodedDomain.shared(Self.task.domain, as: .oneHot), configuration: Self.small(epochs: 20))
      var rng = SeededGenerator(seed: seed)
      try regressor.fit(poolIndices: Array(0..<40), targets: (0..<40).map { Self.task.signal[$0] }, using: &rng)
      return regressor.predict(poolIndices: Array(100..<110))
    }
    #expect(try predictions(seed: 3) == predictions(seed: 3))
    #expect(try predictions(seed: 3) != predictions(seed: 4))
  }

  // MARK: - Ensemble

  @Test func ensembleMembersDifferAndThompsonDrawsFollowTheirSpread() throws {
    let encoded = EncodedDomain.shared(Self.task.domain, as: .oneHot)
    let ensemble = PredictorEnsemble(
      members: (0..<5).map { _ in MLPRegressor(features: encoded, configuration: Self.small(.meanAbsoluteError, epochs: 30)) })
    var rng = SeededGenerator(seed: 5)
    let training = Array(stride(from: 0, to: 256, by: 8))
    try ensemble.fit(poolIndices: training, targets: training.map { Self.task.signal[$0] }, using: &rng)
    let candidates = Array(1..<60)
    let members = ensemble.memberPredictions(poolIndices: candidates)
    #expect(Set(members.map { $0[0] }).count == 5, "members start from different weights")
    let mean = ensemble.predict(poolIndices: candidates)
    let first = ensemble.independentThompsonSamples(poolIndices: candidates, using: &rng)
    let second = ensemble.independentThompsonSamples(poolIndices: candidates, using: &rng)
    #expect(first != second)
    #expect(first != mean)
    for (i, draw) in first.enumerated() {
      // swift-format-ignore: NeverForceUnwrap
      // The ensemble has members, so the lists are not empty.
      let spread = members.map { $0[i] }.max()! - members.map { $0[i] }.min()!
      #expect(abs(draw - mean[i]) <= 6 * spread + 1e-9)
    }
  }
}
