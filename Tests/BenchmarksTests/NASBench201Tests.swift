import Benchmarks
import Randomness
import SearchSpaces
import Testing

@Suite struct NASBench201Tests {
  /// (task, signal max, signal argmax, report max, report argmax, signal mean, report mean):
  /// the verified statistics of data/nasbench201/README.md.
  static let expectations: [(String, Double, Int, Double, Int, Double, Double)] = [
    ("nb201-cifar10", 91.6067, 6111, 94.3733, 6111, 83.6735, 87.0629),
    ("nb201-cifar100", 73.4933, 9930, 73.5133, 9930, 61.2997, 61.4055),
    ("nb201-imagenet16-120", 46.7333, 10676, 47.3111, 857, 33.8077, 33.5864),
  ]

  @Test(arguments: expectations.indices)
  func optimaAndMeansMatchTheReadme(_ index: Int) throws {
    let (name, signalMax, signalArgmax, reportMax, reportArgmax, signalMean, reportMean) = Self.expectations[index]
    let task = try TestData.catalog().task(named: name)
    #expect(task.domain.count == 15_625 && task.domain.coversPool && task.domain.space.poolSize == 15_625)
    #expect(close(task.signal.maximum, signalMax) && task.signal.argmax == signalArgmax)
    #expect(close(task.report.maximum, reportMax) && task.report.argmax == reportArgmax)
    #expect(close(finiteMean(task.signal.values), signalMean) && close(finiteMean(task.report.values), reportMean))
  }

  @Test func costIsTheTwoHundredEpochTrainingTime() throws {
    let catalog = try TestData.catalog()
    let cifar = try catalog.task(named: "nb201-cifar10")
    let imagenet = try catalog.task(named: "nb201-imagenet16-120")
    let cifarCost = try #require(cifar.cost)
    let imagenetCost = try #require(imagenet.cost)
    #expect(close(cifarCost.maximum, 200 * 34.6083, 0.02) && cifarCost.argmax == 1462)
    #expect(close(finiteMean(cifarCost.values), 200 * 18.2799, 0.02))
    #expect(close(imagenetCost[0], cifarCost[0] * 3.034, 1e-9))
  }

  @Test func everyCellRoundTripsAndKeysMatchTheOfficialStrings() throws {
    let space = try NASBench201Space(data: TestData.directory())
    for index in 0..<space.poolSize {
      #expect(space.index(of: space.architecture(at: index)) == index)
    }
    #expect(space.architecture(at: 0).operations == [4, 2, 1, 2, 1, 1])
    #expect(space.key(at: 0) == "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")
    #expect(space.index(of: Architecture(operations: [3, 3, 4, 1, 3, 1])) == 1)
    #expect(space.index(of: Architecture(operations: [3, 3, 4, 1, 3, 5])) == nil)
    #expect(space.index(of: Architecture(operations: [3, 3, 4, 1, 3])) == nil)
    #expect(space.index(of: Architecture(operations: [3, 3, 4, 1, 3, 1], connections: [1])) == nil)
  }

  @Test func neighbourhoodsHaveTwentyFourDistinctCells() throws {
    let space = try NASBench201Space(data: TestData.directory())
    for index in stride(from: 0, to: space.poolSize, by: 7) {
      let neighbors = space.neighbors(of: space.architecture(at: index))
      #expect(neighbors.count == 24 && Set(neighbors).count == 24 && !neighbors.contains(index))
    }
  }

  @Test func mutationChangesExactlyOneEdge() throws {
    let space = try NASBench201Space(data: TestData.directory())
    var rng = SeededGenerator(seed: 11)
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<2_000 {
      let parent = space.randomArchitecture(using: &rng)
      let child = space.mutate(parent, using: &rng)
      let changed = (0..<6).filter { parent.operations[$0] != child.operations[$0] }
      #expect(changed.count == 1 && space.index(of: child) != nil)
      if let edge = changed.first { counts[edge] += 1 }
    }
    #expect(counts.allSatisfy { $0 > 250 })
  }

  @Test func encodingsHaveTheDocumentedLengths() throws {
    let space = try NASBench201Space(data: TestData.directory())
    #expect(space.encodingLength(.oneHot) == 30 && space.encodingLength(.path) == 84)
    let allConv = Architecture(operations: [3, 3, 3, 3, 3, 3])
    #expect(space.encode(allConv, as: .oneHot).reduce(0, +) == 6)
    // conv3x3 is digit 2 over the 4 non-none ops: length 1 at 2, length 2 at 4 + 10, length 3 at 20 + 42.
    let path = space.encode(allConv, as: .path)
    #expect(path.reduce(0, +) == 3 && path[2] == 1 && path[14] == 1 && path[62] == 1)
    #expect(space.encode(Architecture(operations: [0, 0, 0, 0, 0, 0]), as: .path).allSatisfy { $0 == 0 })
  }

  @Test func graphsDropNoneAndContractSkip() throws {
    let space = try NASBench201Space(data: TestData.directory())
    let graph = space.graph(of: space.architecture(at: 0))  // 421211
    #expect(graph.nodeCount == 5 && graph.vocabularySize == 5)
    #expect(graph.nodeOperations == [0, 3, 1, 1, 4])
    let edges = (0..<25).filter { graph.adjacency[$0] == 1 }.map { ($0 / 5, $0 % 5) }
    #expect(edges.map { "\($0.0)\($0.1)" } == ["01", "02", "03", "14", "24", "34"])
    let empty = space.graph(of: Architecture(operations: [0, 0, 0, 0, 0, 0]))
    #expect(empty.nodeCount == 2 && empty.adjacency.allSatisfy { $0 == 0 })
    let skipOnly = space.graph(of: Architecture(operations: [1, 0, 0, 0, 1, 0]))
    #expect(skipOnly.nodeCount == 2 && skipOnly.adjacency == [0, 1, 0, 0])
  }
}
