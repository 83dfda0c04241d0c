import Foundation
import Models
import NeuralNetworks
import Randomness
import Tensor
import TestSupport
import Testing

/// arch2vec's auto-encoder: shapes, learning on the tiny space's cells and on varied
/// NAS-Bench-101-shaped cells, encoding, decoding and a saved-state round trip.
@Suite struct GraphVariationalAutoencoderTests {
  /// The 256 cells of the 4 x 4 tiny space as graphs (6 nodes, 6 operation types).
  static let tinyGraphs: [GraphSample] = {
    let space = TinySpace(positions: 4, operations: 4)
    return (0..<space.poolSize).map { index in
      let graph = space.graph(of: space.architecture(at: index))
      return GraphSample(
        nodeCount: graph.nodeCount, adjacency: graph.adjacency, nodeOperations: graph.nodeOperations,
        vocabularySize: graph.vocabularySize)
    }
  }()

  static var small: GraphVariationalAutoencoder.Configuration {
    var configuration = GraphVariationalAutoencoder.Configuration()
    configuration.layers = 2
    configuration.hiddenSize = 32
    configuration.latentSize = 8
    configuration.dropout = 0
    configuration.learningRate = 1e-2
    configuration.epochs = 25
    return configuration
  }
}

extension GraphVariationalAutoencoderTests {
  @Test func parametersAndBuffersHaveTheDocumentedShapes() {
    var rng = SeededGenerator(seed: 1)
    let model = GraphVariationalAutoencoder(vocabularySize: 6, configuration: Self.small, using: &rng)
    let gin: [[Int]] = [[1], [6, 32], [32], [32], [32], [32, 32], [32], [32], [32]]
    let ginNext: [[Int]] = [[1], [32, 32], [32], [32], [32], [32, 32], [32], [32], [32]]
    let heads: [[Int]] = [[32, 8], [8], [32, 8], [8], [8, 6], [6]]
    #expect(model.parameters.map(\.shape) == gin + ginNext + heads)
    #expect(model.buffers.count == 2 * 2 * 2)  // per layer: the MLP's norm and the output norm, mean and variance
    #expect(Set(model.parameters.map(\.name)).count == model.parameters.count)
    let embeddings = model.encode(Array(Self.tinyGraphs.prefix(5)))
    #expect(embeddings.shape == [5, 8])
  }

  @Test func reconstructionAccuracyRisesOnTheTinySpace() {
    var rng = SeededGenerator(seed: 2)
    let model = GraphVariationalAutoencoder(vocabularySize: 6, configuration: Self.small, using: &rng)
    let untrained = model.reconstructionAccuracy(Self.tinyGraphs)
    var losses: [Float] = []
    let outcome = model.train(on: Self.tinyGraphs, using: &rng) { summary in
      losses.append(summary.meanLoss)
      return .proceed
    }
    let trained = model.reconstructionAccuracy(Self.tinyGraphs)
    #expect(outcome.epochsRun == 25)
    // swift-format-ignore: NeverForceUnwrap
    // Training ran epochs, so the loss list is not empty.
    #expect(losses.last! < 0.5 * losses.first!, "losses \(losses)")
    #expect(untrained.operations < 0.6, "untrained \(untrained)")
    #expect(trained.operations > 0.97, "trained \(trained)")
    // Positions holding the same operation are indistinguishable to the encoder (the star
    // topology is symmetric), so z zᵀ predicts an edge between them: about 1.5 of 15 pairs per
    // cell are out of reach, which caps the adjacency accuracy near 0.9.
    #expect(trained.adjacency > untrained.adjacency + 0.1, "untrained \(untrained), trained \(trained)")
    #expect(trained.adjacency > 0.8, "trained \(trained)")
  }

  @Test func adjacencyAccuracyRisesOnVariedCells() {
    var rng = SeededGenerator(seed: 3)
    let graphs = (0..<192).map { _ in GraphSample.randomNASBench101(using: &rng) }
    var configuration = Self.small
    configuration.epochs = 80
    let model = GraphVariationalAutoencoder(vocabularySize: 5, configuration: configuration, using: &rng)
    let untrained = model.reconstructionAccuracy(graphs)
    model.train(on: graphs, using: &rng)
    let trained = model.reconstructionAccuracy(graphs)
    #expect(trained.adjacency > untrained.adjacency + 0.1, "untrained \(untrained), trained \(trained)")
    #expect(trained.adjacency > 0.84, "trained \(trained)")
    #expect(trained.operations > 0.95, "trained \(trained)")
  }

  @Test func embeddingIsTheNodeMeanOfTheLatentMeanAndDecodingRecoversTheCells() {
    var rng = SeededGenerator(seed: 4)
    var configuration = Self.small
    configuration.epochs = 100
    let model = GraphVariationalAutoencoder(vocabularySize: 6, configuration: configuration, using: &rng)
    model.train(on: Self.tinyGraphs, using: &rng)
    // The 24 cells whose four positions hold four different operations (see above).
    let graphs = Self.tinyGraphs.filter { Set($0.nodeOperations).count == 6 }
    #expect(graphs.count == 24)
    let nodes = model.encodeNodes(graphs)
    #expect(nodes.shape == [24, 6, 8])
    let embedding = model.encode(graphs).scalars
    let values = nodes.scalars
    for g in 0..<24 {
      for d in 0..<8 {
        let mean = (0..<6).reduce(Float(0)) { $0 + values[(g * 6 + $1) * 8 + d] } / 6
        #expect(Swift.abs(embedding[g * 8 + d] - mean) < 1e-5)
      }
    }
    let decoded = model.decodeGraphs(nodes)
    #expect(decoded.map(\.nodeOperations) == graphs.map(\.nodeOperations))
    let exact = zip(decoded, graphs).filter { $0.adjacency == $1.adjacency }.count
    #expect(exact >= 20, "\(exact) of 24 adjacencies decoded exactly")
  }

  @Test func savedStateRebuildsTheSameEncoder() throws {
    var rng = SeededGenerator(seed: 5)
    var configuration = Self.small
    configuration.epochs = 3
    let trained = GraphVariationalAutoencoder(vocabularySize: 6, configuration: configuration, using: &rng)
    trained.train(on: Self.tinyGraphs, using: &rng)
    let data = try JSONEncoder().encode(trained.state)
    var other = SeededGenerator(seed: 6)
    let rebuilt = GraphVariationalAutoencoder(vocabularySize: 6, configuration: configuration, using: &other)
    #expect(rebuilt.encode(Self.tinyGraphs).scalars != trained.encode(Self.tinyGraphs).scalars)
    try rebuilt.load(JSONDecoder().decode(LayerState.self, from: data))
    #expect(rebuilt.encode(Self.tinyGraphs).scalars == trained.encode(Self.tinyGraphs).scalars)
    #expect(rebuilt.state == trained.state)
  }
}
