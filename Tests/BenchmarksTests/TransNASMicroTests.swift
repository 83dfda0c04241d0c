import Benchmarks
import Randomness
import SearchSpaces
import Testing

@Suite struct TransNASMicroTests {
  /// (task, max, key of the best cell, mean): data/transnas_bench_101/README.md.
  static let expectations: [(String, Double, String, Double)] = [
    ("transnas-micro-class-scene", 54.9363, "64-41414-3_32_132", 44.9372),
    ("transnas-micro-class-object", 45.5862, "64-41414-3_13_113", 38.9652),
    ("transnas-micro-jigsaw", 95.3722, "64-41414-3_30_132", 76.5683),
    ("transnas-micro-room-layout", -0.6010, "64-41414-3_11_133", -0.7487),
    ("transnas-micro-segment-semantic", 94.6125, "64-41414-3_13_022", 93.7261),
    ("transnas-micro-normal", 0.5873, "64-41414-1_30_123", 0.5122),
    ("transnas-micro-autoencoder", 0.5772, "64-41414-1_20_310", 0.4408),
  ]

  @Test(arguments: expectations.indices)
  func optimaMatchTheReadme(_ index: Int) throws {
    let (name, maximum, key, mean) = Self.expectations[index]
    let task = try TestData.catalog().task(named: name)
    #expect(task.domain.count == 4_096 && task.domain.coversPool && task.cost == nil && task.caveat == "validation metric only")
    #expect(close(task.signal.maximum, maximum) && task.domain.space.key(at: task.signal.argmax) == key)
    #expect(close(finiteMean(task.signal.values), mean) && task.report.maximum == task.signal.maximum)
  }

  @Test func spaceRoundTripsAndHasTheTransNASShape() throws {
    let space = try TransNASMicroSpace(data: TestData.directory())
    #expect(space.poolSize == 4_096)
    for index in 0..<space.poolSize {
      let architecture = space.architecture(at: index)
      #expect(space.index(of: architecture) == index && space.neighbors(of: architecture).count == 18)
    }
    #expect(space.key(at: 0) == "64-41414-0_00_000" && space.key(at: 4_095) == "64-41414-3_33_333")
    #expect(space.encodingLength(.oneHot) == 24 && space.encodingLength(.path) == 39)
    #expect(space.index(of: Architecture(operations: [4, 0, 0, 0, 0, 0])) == nil)
    let graph = space.graph(of: space.architecture(at: 4_095))
    #expect(graph.nodeCount == 8 && graph.vocabularySize == 4 && graph.nodeOperations == [0, 2, 2, 2, 2, 2, 2, 3])
    var rng = SeededGenerator(seed: 3)
    for _ in 0..<200 {
      let parent = space.randomArchitecture(using: &rng)
      let child = space.mutate(parent, using: &rng)
      #expect(zip(parent.operations, child.operations).filter { $0 != $1 }.count == 1 && space.index(of: child) != nil)
    }
  }
}
