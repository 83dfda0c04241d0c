import Randomness
import SearchSpaces
import Testing

@Suite struct TokenLayoutTests {}

// MARK: - Fixed-topology cells

extension TokenLayoutTests {
  @Test(arguments: [5, 4])
  func everyFixedCellRoundTripsThroughItsTokens(_ operationCount: Int) throws {
    let space: any SearchSpace = operationCount == 5 ? SyntheticSpaces.nasBench201 : SyntheticSpaces.transNAS
    let layout = space.tokenLayout
    #expect(layout.count == 6 && layout.connectionPositions.isEmpty)
    #expect(layout.positions.allSatisfy { $0.vocabularySize == operationCount })
    #expect(layout.oneHotLength == 6 * operationCount)
    for index in 0..<space.poolSize {
      let architecture = space.architecture(at: index)
      let tokens = try #require(layout.tokens(of: architecture))
      let decoded = try #require(layout.architecture(from: tokens))
      #expect(decoded == architecture)
      #expect(space.status(of: decoded) == .pool(index))
      // The token one-hot is the space's one-hot encoding (edge-major, every label).
      if index % 97 == 0 { #expect(layout.oneHot(tokens) == space.encode(architecture, as: .oneHot)) }
    }
  }

  @Test func tokensOutsideTheVocabularyOrOfTheWrongCountAreRefused() {
    let layout = SyntheticSpaces.nasBench201.tokenLayout
    #expect(layout.architecture(from: [0, 1, 2, 3, 4, 5]) == nil)
    #expect(layout.architecture(from: [0, 1, 2, 3, -1, 0]) == nil)
    #expect(layout.architecture(from: [0, 1, 2, 3, 4]) == nil)
    #expect(layout.architecture(from: [4, 3, 2, 1, 0, 0]) == Architecture(operations: [4, 3, 2, 1, 0, 0]))
    #expect(layout.tokens(of: Architecture(operations: [0, 1, 2, 3, 4, 5])) == nil)
    #expect(layout.tokens(of: Architecture(operations: [0, 1, 2, 3, 4, 0], connections: [1])) == nil)
  }

  @Test func mostLikelyTokensTakeTheHighestScorePerPosition() {
    let layout = SyntheticSpaces.transNAS.tokenLayout
    var scores = [Float](repeating: 0, count: layout.oneHotLength)
    for (position, token) in [3, 0, 2, 1, 1, 3].enumerated() { scores[position * 4 + token] = 0.9 }
    scores[4 * 1 + 2] = 0.5
    #expect(layout.mostLikelyTokens(scores) == [3, 0, 2, 1, 1, 3])
    #expect(layout.mostLikelyTokens([Float](repeating: 0.25, count: 24)) == [0, 0, 0, 0, 0, 0], "ties go to the lower id")
  }
}

// MARK: - NAS-Bench-Graph and NAS-Bench-101 layouts

extension TokenLayoutTests {
  @Test func everyGraphArchitectureRoundTripsAndRandomRowsAreJudged() throws {
    let space = SyntheticSpaces.nasBenchGraph
    let layout = space.tokenLayout
    #expect(layout.operationPositions.map(\.vocabularySize) == [9, 9, 9, 9])
    #expect(layout.connectionPositions.map(\.vocabularySize) == [1, 2, 3, 4])
    for index in 0..<space.poolSize {
      let architecture = space.architecture(at: index)
      let decoded = try #require(layout.tokens(of: architecture).flatMap(layout.architecture(from:)))
      #expect(decoded == architecture && space.status(of: decoded) == .pool(index))
    }
    var rng = SeededGenerator(seed: 4)
    var counts: [String: Int] = [:]
    for _ in 0..<3_000 {
      let tokens = layout.positions.map { rng.nextInt(below: $0.vocabularySize) }
      let architecture = try #require(layout.architecture(from: tokens))
      let status = space.status(of: architecture)
      let isPattern = NASBenchGraphSpace.links.contains(architecture.connections)
      let hash = architecture.operations.reduce(NASBenchGraphSpace.links.firstIndex(of: architecture.connections) ?? 0) { $0 * 10 + Int($1) }
      switch status {
      case .invalid: #expect(!isPattern)
      case .notInPool: #expect(isPattern && hash % 2 == 1)
      case .pool(let index): #expect(isPattern && hash % 2 == 0 && space.architecture(at: index) == architecture)
      }
      counts[status.description.split(separator: " ").first.map(String.init) ?? "", default: 0] += 1
    }
    // 9 of the 24 input rows are link patterns; half of the valid hashes are in this pool.
    #expect(counts["invalid", default: 0] > 1_500 && counts["not", default: 0] > 300 && counts["pool", default: 0] > 300)
  }

  @Test func nasBench101LayoutHasFixedInputVertexAndTwentyOneEdgeBits() throws {
    let layout = SyntheticSpaces.emptyNASBench101.tokenLayout
    #expect(layout.operationPositions.map(\.vocabularySize) == [1, 5, 5, 5, 5, 5, 5])
    #expect(layout.connectionPositions.count == 21 && layout.connectionPositions.allSatisfy { $0.vocabularySize == 2 })
    #expect(layout.oneHotLength == 1 + 30 + 42)
    let chain = SyntheticSpaces.cell([0, 1, 2, 4], edges: [(0, 1), (1, 2), (2, 3)])
    let tokens = try #require(layout.tokens(of: chain))
    #expect(tokens.prefix(7) == [0, 0, 1, 3, 4, 4, 4])
    #expect(layout.architecture(from: tokens) == chain)
    // A second input vertex has no token.
    #expect(layout.tokens(of: SyntheticSpaces.cell([0, 0, 4], edges: [(0, 2)])) == nil)
  }
}
