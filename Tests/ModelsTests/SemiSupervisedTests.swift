import Analysis
import Foundation
import Models
import Randomness
import Tensor
import Testing

/// The relation graph, the transductive GCN and the two semi-supervised predictors on
/// synthetic embeddings whose target is a smooth function of the embedding.
@Suite struct SemiSupervisedTests {
  /// `count` rows of `width` standard-normal values from `seed`.
  static func rows(_ count: Int, width: Int, seed: UInt64) -> [Float] {
    var rng = SeededGenerator(seed: seed)
    return (0..<(count * width)).map { _ in Float(rng.nextNormal()) }
  }

  /// A smooth target of a row: a sine of the first coordinate plus half the second.
  static func target(_ rows: [Float], width: Int, _ i: Int) -> Double {
    Double(sin(rows[i * width]) + 0.5 * rows[i * width + 1])
  }
}

// MARK: - Nearest neighbours and the graph

extension SemiSupervisedTests {
  @Test func nearestNeighboursMatchASortedScan() {
    let width = 3
    let references = Self.rows(300, width: width, seed: 1)
    let queries = Self.rows(40, width: width, seed: 2)
    let found = NearestNeighbours.search(queries: queries, references: references, width: width, k: 5)
    for q in 0..<40 {
      let exact = (0..<300).map { r -> (Int, Float) in
        var sum: Float = 0
        for j in 0..<width { sum += (queries[q * width + j] - references[r * width + j]) * (queries[q * width + j] - references[r * width + j]) }
        return (r, sum.squareRoot())
      }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      #expect(Array(found.indices[(q * 5)..<(q * 5 + 5)]) == exact.prefix(5).map(\.0))
      for r in 0..<5 { #expect(abs(found.distances[q * 5 + r] - exact[r].1) < 1e-3) }
    }
    let selfSearch = NearestNeighbours.search(queries: references, references: references, width: width, k: 3, excludingSelf: true)
    #expect((0..<300).allSatisfy { i in !selfSearch.indices[(i * 3)..<(i * 3 + 3)].contains(i) })
  }

  @Test func theRelationGraphIsSymmetricAndItsPropagationIsTheRenormalisedAdjacency() {
    let width = 4
    let features = Self.rows(200, width: width, seed: 3)
    let graph = RelationGraph(features: features, width: width, neighbours: 6)
    let w = dense(graph.weights)
    let p = dense(graph.propagation)
    let n = graph.nodeCount
    for i in 0..<n {
      #expect(w[i][i] == 0)
      #expect(abs(p[i][i] - 1 / graph.degrees[i]) < 1e-6)
      #expect(abs(graph.degrees[i] - 1 - w[i].reduce(0, +)) < 1e-4)
      #expect(w[i].filter { $0 > 0 }.count >= 6, "every node keeps its own 6 neighbours")
      for j in 0..<n {
        #expect(w[i][j] == w[j][i])
        #expect(abs(p[i][j] - p[j][i]) < 1e-6)
        if i != j { #expect(abs(p[i][j] - w[i][j] / (graph.degrees[i] * graph.degrees[j]).squareRoot()) < 1e-6) }
      }
    }
    // The bandwidth is the median listed distance: an edge that long weighs exp(-1/2).
    #expect(abs(graph.kernel(distance: graph.bandwidth) - Float(exp(-0.5))) < 1e-6)
  }

  /// The dense rows of a small sparse matrix.
  private func dense(_ matrix: SparseMatrix) -> [[Float]] {
    var rows = [[Float]](repeating: [Float](repeating: 0, count: matrix.columnCount), count: matrix.rowCount)
    for i in 0..<matrix.rowCount {
      for k in matrix.rowPointers[i]..<matrix.rowPointers[i + 1] { rows[i][matrix.columnIndices[k]] = matrix.values[k] }
    }
    return rows
  }
}

// MARK: - The graph regressor

extension SemiSupervisedTests {
  @Test func theInductiveOutputOfAGraphNodeWithItsOwnNeighboursIsItsTransductiveOutput() {
    let width = 3
    let features = Self.rows(150, width: width, seed: 4)
    let graph = RelationGraph(features: features, width: width, neighbours: 5)
    let labelled = Array(0..<30)
    var rng = SeededGenerator(seed: 5)
    var configuration = GraphRegression.Configuration()
    configuration.epochs = 30
    let fitted = GraphRegression.fit(
      graph: graph, features: features, width: width, labelled: labelled,
      targets: labelled.map { Float(Self.target(features, width: width, $0)) }, configuration: configuration, using: &rng)
    for node in [0, 31, 77, 149] {
      let (start, end) = (graph.weights.rowPointers[node], graph.weights.rowPointers[node + 1])
      let output = fitted.inductiveOutput(
        row: Array(features[(node * width)..<((node + 1) * width)]), neighbours: Array(graph.weights.columnIndices[start..<end]),
        weights: Array(graph.weights.values[start..<end]), degrees: graph.degrees)
      #expect(abs(output - fitted.outputs[node]) < 1e-4, "node \(node): inductive \(output), transductive \(fitted.outputs[node])")
    }
  }

  @Test func theGraphRegressorLearnsASmoothTargetFromFewLabelsAndTheLaplacianTermSmoothsIt() {
    let width = 2
    let features = Self.rows(600, width: width, seed: 6)
    let graph = RelationGraph(features: features, width: width, neighbours: 10)
    let labelled = Array(0..<40)
    let truth = (0..<600).map { Self.target(features, width: width, $0) }
    func fit(smoothness: Float) -> [Float] {
      var rng = SeededGenerator(seed: 7)
      var configuration = GraphRegression.Configuration()
      configuration.smoothness = smoothness
      return GraphRegression.fit(
        graph: graph, features: features, width: width, labelled: labelled, targets: labelled.map { Float(truth[$0]) },
        configuration: configuration, using: &rng
      ).outputs
    }
    let plain = fit(smoothness: 0)
    let unlabelled = Array(40..<600)
    let tau = RankAgreement.kendallTau(unlabelled.map { Double(plain[$0]) }, unlabelled.map { truth[$0] })
    #expect(tau > 0.6, "Kendall tau on the 560 unlabelled nodes: \(tau)")
    // The Laplacian term lowers sum w_ij (f_i - f_j)^2 over the edges.
    func roughness(_ f: [Float]) -> Float {
      var sum: Float = 0
      for i in 0..<graph.nodeCount {
        for k in graph.weights.rowPointers[i]..<graph.weights.rowPointers[i + 1] {
          let j = graph.weights.columnIndices[k]
          sum += graph.weights.values[k] * (f[i] - f[j]) * (f[i] - f[j])
        }
      }
      return sum
    }
    #expect(roughness(fit(smoothness: 5)) < roughness(plain))
  }
}

// MARK: - The two semi-supervised predictors

extension SemiSupervisedTests {
  @Test func theAssessorDrawsAFreshUnlabelledSampleOutsideTheLabelledSetAndRanksWell() throws {
    let width = 2
    let features = Self.rows(3000, width: width, seed: 8)
    let truth = (0..<3000).map { Self.target(features, width: width, $0) }
    var configuration = SemiSupervisedAssessor.Configuration()
    configuration.sampleSize = 800
    let assessor = SemiSupervisedAssessor(
      features: EmbeddingFeatures(values: features, width: width), candidates: Array(0..<2000), configuration: configuration)
    let labelled = Array(0..<50)
    var rng = SeededGenerator(seed: 9)
    try assessor.fit(poolIndices: labelled, targets: labelled.map { truth[$0] }, using: &rng)
    let first = assessor.unlabelledSample
    #expect(first.count == 800 && Set(first).count == 800)
    #expect(first.allSatisfy { $0 >= 50 && $0 < 2000 }, "drawn from the candidates, never a labelled one")
    #expect(assessor.graph?.nodeCount == 850)
    // In the graph (transductive) and outside it (inductive: indices 2000..<3000 are not candidates).
    let inside = assessor.predict(poolIndices: first)
    let outside = Array(2000..<3000)
    let outsidePredictions = assessor.predict(poolIndices: outside)
    let tauInside = RankAgreement.kendallTau(inside, first.map { truth[$0] })
    let tauOutside = RankAgreement.kendallTau(outsidePredictions, outside.map { truth[$0] })
    #expect(tauInside > 0.55 && tauOutside > 0.55, "tau inside \(tauInside), outside \(tauOutside)")
    try assessor.fit(poolIndices: labelled, targets: labelled.map { truth[$0] }, using: &rng)
    #expect(assessor.unlabelledSample != first, "a fresh sample at every fit")
  }

  @Test func selfTrainingPseudoLabelsTheSampleAndFitsTheLabelledSet() throws {
    let width = 2
    let features = Self.rows(2000, width: width, seed: 10)
    let truth = (0..<2000).map { Self.target(features, width: width, $0) }
    var configuration = SelfTrainingRegressor.Configuration()
    configuration.pseudoLabels = 500
    configuration.network.epochs = 100
    configuration.studentEpochs = 20
    let regressor = SelfTrainingRegressor(
      features: EmbeddingFeatures(values: features, width: width), candidates: Array(0..<2000), configuration: configuration)
    let labelled = Array(0..<60)
    var rng = SeededGenerator(seed: 11)
    try regressor.fit(poolIndices: labelled, targets: labelled.map { truth[$0] }, using: &rng)
    #expect(regressor.unlabelledSample.count == 500 && regressor.unlabelledSample.allSatisfy { $0 >= 60 })
    let rest = Array(60..<2000)
    let tau = RankAgreement.kendallTau(regressor.predict(poolIndices: rest), rest.map { truth[$0] })
    #expect(tau > 0.55, "Kendall tau on the unlabelled rest: \(tau)")
    var again = SeededGenerator(seed: 11)
    let twin = SelfTrainingRegressor(
      features: EmbeddingFeatures(values: features, width: width), candidates: Array(0..<2000), configuration: configuration)
    try twin.fit(poolIndices: labelled, targets: labelled.map { truth[$0] }, using: &again)
    #expect(twin.predict(poolIndices: rest) == regressor.predict(poolIndices: rest), "deterministic for a seed")
  }
}
