import Benchmarks
import Randomness
import SearchSpaces
import Testing

@Suite struct NASBench101Tests {
  static let letters: [Character: UInt8] = ["I": 0, "A": 1, "B": 2, "M": 3, "O": 4]
  static let names: [String: UInt8] = ["input": 0, "conv3x3-bn-relu": 1, "conv1x1-bn-relu": 2, "maxpool3x3": 3, "output": 4]

  /// An architecture from the data files' text form (49-digit adjacency, V labels).
  static func architecture(adjacency: String, labels: [UInt8]) -> Architecture {
    let digits = Array(adjacency)
    var connections: [UInt8] = []
    for i in 0..<7 {
      for j in (i + 1)..<7 { connections.append(digits[i * 7 + j] == "1" ? 1 : 0) }
    }
    return Architecture(operations: labels + [UInt8](repeating: 5, count: 7 - labels.count), connections: connections)
  }

  @Test func taskMatchesTheReadme() throws {
    let task = try TestData.catalog().task(named: "nb101-30k")
    #expect(task.domain.count == 30_001 && task.domain.space.poolSize == 423_624)
    #expect(close(task.signal.maximum, 94.9119) && task.domain.space.key(at: task.signal.argmax) == "096f593e0f12d65f6220bf8565b764a9")
    #expect(task.report.maximum == task.signal.maximum && close(finiteMean(task.signal.values), 91.0456))
    let cost = try #require(task.cost)
    #expect(close(cost.maximum, 5411.10, 0.01) && cost.name == "train_time_108_s")
    #expect(task.caveat == "NAS-Bench-101 30,001-cell subset with single-run validation accuracy only; not comparable to full-table results")
    let outside = (0..<task.domain.space.poolSize).reversed().first { !task.domain.contains($0) } ?? 0
    #expect(task.signal[outside].isNaN && task.signal.values.filter(\.isFinite).count == 30_001)
  }

  /// The smallest cell (input -> output) is row 6,992 of the pool file, under its hash.
  @Test func theTwoVertexCellIsItsPoolRow() throws {
    let direct = Architecture(operations: [0, 4, 5, 5, 5, 5, 5], connections: [1] + [UInt8](repeating: 0, count: 20))
    let space = try NASBench101Space(data: TestData.directory())
    #expect(space.index(of: direct) == 6_992 && space.key(at: 6_992) == "043721b9c7fe8c5fad811d47d83132ec")
  }

  /// The module hash of every labelled cell equals the hash stored with it, and maps to the
  /// pool row of that hash.
  @Test(arguments: ["nasbench101/nb101_subset20k_valid_single_run.csv.gz", "nasbench101/nb101_vis10k_valid_single_run.csv.gz"])
  func moduleHashEqualsTheStoredHashForEveryLabelledCell(_ file: String) throws {
    let space = try NASBench101Space(data: TestData.directory())
    let rows = try readRows(file)
    let header = rows[0]
    let hash = try #require(header.firstIndex(of: "hash"))
    let adjacency = try #require(header.firstIndex(of: "adjacency"))
    let ops = try #require(header.firstIndex(of: "ops"))
    var mismatches = 0
    for row in rows.dropFirst() {
      let labels = row[ops].split(separator: ",").map { Self.names[String($0)] ?? 9 }
      let architecture = Self.architecture(adjacency: row[adjacency], labels: labels)
      let index = space.index(of: architecture)
      if NASBench101Space.moduleHash(of: architecture) != row[hash] || index.map(space.key(at:)) != row[hash] { mismatches += 1 }
    }
    #expect(rows.count - 1 == (file.contains("20k") ? 20_001 : 10_000) && mismatches == 0)
  }

  @Test func poolRowsHashToTheirKeysAndHaveTheDocumentedSizes() throws {
    let space = try NASBench101Space(data: TestData.directory())
    var counts = [Int](repeating: 0, count: 8)
    for index in 0..<space.poolSize {
      counts[space.architecture(at: index).operations.filter { $0 != 5 }.count] += 1
    }
    #expect(counts == [0, 0, 1, 6, 84, 2_441, 62_010, 359_082])
    var rng = SeededGenerator(seed: 101)
    for index in rng.sampleWithoutReplacement(4_000, from: space.poolSize) {
      let architecture = space.architecture(at: index)
      #expect(NASBench101Space.moduleHash(of: architecture) == space.key(at: index) && space.index(of: architecture) == index)
    }
  }

  @Test func unprunedCellsArePrunedAndInvalidCellsRejected() throws {
    let space = try NASBench101Space(data: TestData.directory())
    // A 5-vertex pool cell embedded in 7 vertices with two dangling conv3x3 vertices.
    let index = try #require((0..<space.poolSize).first { space.architecture(at: $0).operations.filter { $0 != 5 }.count == 5 })
    let small = space.architecture(at: index)
    var operations: [UInt8] = Array(small.operations[0..<4]) + [1, 1, 4]
    var connections = [UInt8](repeating: 0, count: 21)
    let pairs = (0..<7).flatMap { i in ((i + 1)..<7).map { (i, $0) } }
    for (k, (i, j)) in pairs.enumerated() where small.connections[k] == 1 {
      let target = j == 4 ? 6 : j
      connections[try #require(pairs.firstIndex { $0 == (i, target) })] = 1
    }
    connections[try #require(pairs.firstIndex { $0 == (0, 4) })] = 1  // input -> dangling vertex 4 (no way out)
    #expect(space.index(of: Architecture(operations: operations, connections: connections)) == index)
    operations[6] = 1
    #expect(space.index(of: Architecture(operations: operations, connections: connections)) == nil)  // no output
    let dense = Architecture(operations: [0, 1, 1, 1, 1, 1, 4], connections: [UInt8](repeating: 1, count: 21))
    #expect(space.index(of: dense) == nil)  // 21 edges
    let cut = Architecture(operations: [0, 1, 4, 5, 5, 5, 5], connections: [1] + [UInt8](repeating: 0, count: 20))
    #expect(space.index(of: cut) == nil)  // output unreachable
    let direct = Architecture(operations: [0, 4, 5, 5, 5, 5, 5], connections: [1] + [UInt8](repeating: 0, count: 20))
    #expect(space.index(of: direct) != nil && space.neighbors(of: direct).isEmpty)
    var rng = SeededGenerator(seed: 5)
    #expect(space.index(of: space.mutate(direct, using: &rng)) != space.index(of: direct))
  }

  @Test func mutationsAreOneValidDifferentStep() throws {
    let space = try NASBench101Space(data: TestData.directory())
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<300 {
      let parent = space.randomArchitecture(using: &rng)
      let child = space.mutate(parent, using: &rng)
      let changed =
        zip(parent.operations, child.operations).filter { $0 != $1 }.count
        + zip(parent.connections, child.connections).filter { $0 != $1 }.count
      let childIndex = try #require(space.index(of: child))
      #expect(changed == 1 && childIndex != space.index(of: parent))
      let neighbors = space.neighbors(of: parent)
      #expect(neighbors.contains(childIndex) && Set(neighbors).count == neighbors.count && neighbors.count <= 31)
    }
  }

  @Test func encodingsAndGraphs() throws {
    let space = try NASBench101Space(data: TestData.directory())
    #expect(space.encodingLength(.oneHot) == 45 && space.encodingLength(.path) == 364)
    let direct = Architecture(operations: [0, 4, 5, 5, 5, 5, 5], connections: [1] + [UInt8](repeating: 0, count: 20))
    let path = space.encode(direct, as: .path)
    #expect(path[0] == 1 && path.reduce(0, +) == 1)
    // 0 -> 1 (conv3x3) -> 2 (maxpool) -> 3 output, plus 0 -> 3.
    let chain = Architecture(operations: [0, 1, 3, 4, 5, 5, 5], connections: [1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 9))
    let chainPath = space.encode(chain, as: .path)
    #expect(chainPath[0] == 1 && chainPath[4 + 0 * 3 + 2] == 1 && chainPath.reduce(0, +) == 2)
    let oneHot = space.encode(chain, as: .oneHot)
    // column 1: [e01] + ops(conv3x3); column 2: [e02, e12] + ops(maxpool); column 3: [e03, e13, e23] + ops(output).
    #expect(Array(oneHot[0..<5]) == [1, 1, 0, 0, 0] && Array(oneHot[5..<11]) == [0, 1, 0, 0, 1, 0])
    #expect(Array(oneHot[11..<18]) == [1, 0, 1, 0, 0, 0, 1] && oneHot[18...].allSatisfy { $0 == 0 })
    let graph = space.graph(of: chain)
    #expect(graph.nodeCount == 4 && graph.nodeOperations == [0, 1, 3, 4] && graph.adjacency.reduce(0, +) == 4)
  }
}
