import Benchmarks
import Models
import NeuralNetworks
import Randomness
import SearchSpaces
import TestSupport
import Testing

/// The BRP-NAS graph models on the tiny benchmark, with a small GCN.
@Suite struct GraphPredictorTests {
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! TinyTaskSource(positions: 4, operations: 4).task(named: "tiny")

  static var small: GCNTraining {
    var training = GCNTraining()
    training.layers = 2
    training.hiddenSize = 32
    training.dropout = 0
    training.learningRate = 3e-3
    training.epochs = 150
    return training
  }
}

extension GraphPredictorTests {
  @Test func encoderMapsABatchToOneEmbeddingPerGraph() {
    var rng = SeededGenerator(seed: 1)
    let graphs = DomainGraphs.shared(Self.task.domain)
    let encoder = GCNEncoder(inputSize: graphs.vocabularySize + 1, hiddenSize: 24, layers: 3, dropout: 0.2, using: &rng)
    let batch = GraphBatch(Array(graphs.graphs.prefix(5)), globalNode: true)
    let embeddings = encoder(features: batch.features, adjacency: batch.symmetricNormalizedAdjacency(), mode: .training, using: &rng)
    #expect(embeddings.shape == [5, 24])
    #expect(encoder.parameters.map(\.shape) == [[7, 24], [24], [24], [24], [24, 24], [24], [24], [24], [24, 24], [24], [24], [24]])
  }

  @Test func binaryRelationHeadRanksAToyOrderingCorrectly() throws {
    // Six architectures whose signal rises with the operation labels: 0000 < 0011 < ... < 3333.
    let space = Self.task.domain.space
    let toy = [[0, 0, 0, 0], [0, 0, 1, 1], [1, 1, 1, 1], [1, 2, 2, 2], [2, 3, 2, 3], [3, 3, 3, 3]].map { labels in
      // swift-format-ignore: NeverForceUnwrap
      // Every label combination of the fixed topology is a pool cell.
      space.index(of: Architecture(operations: labels.map(UInt8.init)))!
    }
    let targets = toy.indices.map(Double.init)
    let predictor = BinaryRelationPredictor(graphs: DomainGraphs.shared(Self.task.domain), training: Self.small, targetScale: 2)
    var rng = SeededGenerator(seed: 3)
    try predictor.fit(poolIndices: toy, targets: targets, using: &rng)
    let scores = predictor.predict(poolIndices: toy)
    #expect(scores == scores.sorted(), "scores \(scores) should rise with the true order")
  }

  @Test func binaryRelationAndUnaryPredictorsRankUnseenArchitectures() throws {
    let training = Array(stride(from: 0, to: 256, by: 4))
    let rest = Self.task.domain.indices.filter { $0 % 4 != 0 }
    let graphs = DomainGraphs.shared(Self.task.domain)
    for predictor in [
      BinaryRelationPredictor(graphs: graphs, training: Self.small) as any Predictor, GCNRegressor(graphs: graphs, training: Self.small),
    ] {
      var rng = SeededGenerator(seed: 4)
      try predictor.fit(poolIndices: training, targets: training.map { Self.task.signal[$0] }, using: &rng)
      let agreement = RegressorTests.meanRank(predictor.predict(poolIndices: rest), rest.map { Self.task.signal[$0] })
      #expect(agreement > 0.75, "\(type(of: predictor)): concordant pairs \(agreement)")
    }
  }

  @Test func earlyStoppingEndsAStaleTraining() throws {
    var training = Self.small
    training.epochs = 400
    training.patienceStart = 5
    training.patience = 5
    training.tolerance = 0.05
    let regressor = GCNRegressor(graphs: DomainGraphs.shared(Self.task.domain), training: training)
    var rng = SeededGenerator(seed: 6)
    try regressor.fit(poolIndices: Array(0..<32), targets: (0..<32).map { Self.task.signal[$0] }, using: &rng)
    #expect(regressor.epochsRun < 400)
  }
}

extension GraphPredictorTests {
  @Test func rankingEmbedsRepeatedGraphsOnceWithTheSameScore() throws {
    let graphs = DomainGraphs.shared(Self.task.domain)
    let predictor = BinaryRelationPredictor(graphs: graphs, training: Self.small)
    var rng = SeededGenerator(seed: 9)
    let training = Array(stride(from: 0, to: 256, by: 8))
    try predictor.fit(poolIndices: training, targets: training.map { Self.task.signal[$0] }, using: &rng)
    let (a, b) = (3, 77)
    let together = predictor.predict(poolIndices: [a, b, a, a, b])
    #expect(together[0] == together[2] && together[0] == together[3] && together[1] == together[4])
    #expect(Swift.abs(together[0] - predictor.predict(poolIndices: [a])[0]) < 1e-5)
    #expect(Swift.abs(together[1] - predictor.predict(poolIndices: [b])[0]) < 1e-5)
  }
}
