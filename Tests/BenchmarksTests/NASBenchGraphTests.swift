import Benchmarks
import Randomness
import SearchSpaces
import Testing

@Suite struct NASBenchGraphTests {
  /// (dataset, rows, valid max, valid mean, test max, test mean): data/nasbench_graph/README.md.
  static let expectations: [(String, Int, Double, Double, Double, Double)] = [
    ("arxiv", 26_206, 73.67, 70.70, 72.39, 69.55),
    ("citeseer", 26_206, 72.80, 64.36, 71.57, 61.07),
    ("computers", 26_206, 91.90, 86.76, 85.58, 75.75),
    ("cora", 26_206, 81.93, 76.31, 83.13, 75.43),
    ("cs", 26_206, 92.13, 84.95, 91.26, 83.37),
    ("photo", 26_206, 94.07, 89.24, 92.79, 86.98),
    ("physics", 26_206, 94.00, 88.49, 93.00, 87.12),
    ("proteins", 2_021, 85.33, 82.81, 79.26, 76.63),
    ("pubmed", 26_206, 81.13, 77.17, 78.60, 73.07),
  ]

  @Test(arguments: expectations.indices)
  func optimaMatchTheReadmeAndPoolsRoundTrip(_ index: Int) throws {
    let (dataset, rows, validMax, validMean, testMax, testMean) = Self.expectations[index]
    let task = try TestData.catalog().task(named: "nbgraph-" + dataset)
    #expect(task.domain.count == rows && task.domain.coversPool && task.cost == nil)
    #expect(close(task.signal.maximum, validMax, 0.006) && close(finiteMean(task.signal.values), validMean, 0.006))
    #expect(close(task.report.maximum, testMax, 0.006) && close(finiteMean(task.report.values), testMean, 0.006))
    let space = task.domain.space
    for poolIndex in 0..<space.poolSize {
      #expect(space.index(of: space.architecture(at: poolIndex)) == poolIndex)
    }
  }

  @Test func proteinsOffersOnlyItsFiveOperations() throws {
    let data = try TestData.directory()
    let proteins = try NASBenchGraphSpace(data: data, dataset: "proteins")
    let cora = try NASBenchGraphSpace(data: data, dataset: "cora")
    #expect(proteins.allowedOperations == [1, 4, 5, 7, 8] && cora.allowedOperations == Array(0..<9))
    #expect(proteins.encodingLength(.oneHot) == 29 && cora.encodingLength(.oneHot) == 45)
    #expect(proteins.index(of: Architecture(operations: [0, 0, 0, 0], connections: [0, 0, 0, 0])) == nil)
    #expect(cora.index(of: Architecture(operations: [0, 0, 0, 0], connections: [0, 0, 0, 0])) == 0 && cora.key(at: 0) == "0")
    #expect(cora.index(of: Architecture(operations: [0, 0, 0, 0], connections: [0, 1, 0, 0])) == nil)
    var rng = SeededGenerator(seed: 9)
    for space in [proteins, cora] {
      for _ in 0..<300 {
        let parent = space.randomArchitecture(using: &rng)
        let own = space.index(of: parent)
        let child = space.mutate(parent, using: &rng)
        let childIndex = try #require(space.index(of: child))
        let neighbors = space.neighbors(of: parent)
        #expect(childIndex != own && child.operations.allSatisfy(space.allowedOperations.contains))
        #expect(Set(neighbors).count == neighbors.count && own.map { !neighbors.contains($0) } == true)
        #expect(neighbors.isEmpty || neighbors.contains(childIndex))
      }
    }
  }

  @Test func graphsJoinLeavesToTheOutput() throws {
    let space = try NASBenchGraphSpace(data: TestData.directory(), dataset: "cora")
    let chain = space.graph(of: Architecture(operations: [1, 2, 3, 4], connections: [0, 1, 2, 3]))
    let edges = (0..<36).filter { chain.adjacency[$0] == 1 }.map { "\($0 / 6)\($0 % 6)" }
    #expect(edges == ["01", "12", "23", "34", "45"] && chain.nodeOperations == [0, 2, 3, 4, 5, 10] && chain.vocabularySize == 11)
    let star = space.graph(of: Architecture(operations: [0, 0, 0, 0], connections: [0, 0, 0, 0]))
    #expect(star.adjacency.reduce(0, +) == 8)
  }
}
