import Benchmarks
import Randomness
import SearchSpaces
import Testing

/// Token layouts over the real pools: every pool architecture round-trips, and random token
/// rows decode only to valid cells or to cells the space refuses.
@Suite struct TokenLayoutOnTablesTests {
  static func space(_ name: String) throws -> any SearchSpace {
    let data = try TestData.directory()
    switch name {
    case "nas-bench-201": return try NASBench201Space(data: data)
    case "transnas-micro": return try TransNASMicroSpace(data: data)
    case "nas-bench-101": return try NASBench101Space(data: data)
    case "nbgraph-cora": return try NASBenchGraphSpace(data: data, dataset: "cora")
    default: return try NASBenchGraphSpace(data: data, dataset: "proteins")
    }
  }

  /// The whole pool: tokens decode back to the canonical architecture; the pool index is
  /// checked through `status(of:)` on every 7th architecture, every 101st on NAS-Bench-101
  /// (a module hash each, about 60 MD5s: the whole NB101 pool takes about a minute, and all
  /// 423,624 come back to their own index).
  @Test(arguments: ["nas-bench-201", "transnas-micro", "nas-bench-101", "nbgraph-cora", "nbgraph-proteins"])
  func everyPoolArchitectureRoundTripsThroughItsTokens(_ name: String) throws {
    let space = try Self.space(name)
    let layout = space.tokenLayout
    for index in 0..<space.poolSize {
      let architecture = space.architecture(at: index)
      guard let tokens = layout.tokens(of: architecture), let decoded = layout.architecture(from: tokens) else {
        Issue.record("\(name): pool index \(index) has no tokens")
        return
      }
      #expect(decoded == architecture)
      if index % (name == "nas-bench-101" ? 101 : 7) == 0 { #expect(space.status(of: decoded) == .pool(index)) }
    }
    let compact = PoolTokens(space)
    #expect(compact.tokens.count == space.poolSize * layout.count)
  }

  /// Random rows of NAS-Bench-101 tokens: many are invalid, and every valid one is in the
  /// 423,624-cell pool (so the pool holds every valid cell and `notInPool` does not occur).
  @Test func randomNASBench101TokenRowsAreInvalidOrInThePool() throws {
    let space = try Self.space("nas-bench-101")
    let layout = space.tokenLayout
    var rng = SeededGenerator(seed: 101)
    var invalid = 0
    var pool = 0
    for _ in 0..<20_000 {
      // Sparse edges (1 in 4) so that a fair share of rows is connected and within 9 edges.
      let operations = layout.operationPositions.map { rng.nextInt(below: $0.vocabularySize) }
      let connections = layout.connectionPositions.map { _ in rng.nextInt(below: 4) == 0 ? 1 : 0 }
      let architecture = try #require(layout.architecture(from: operations + connections))
      switch space.status(of: architecture) {
      case .invalid: invalid += 1
      case .notInPool: Issue.record("valid cell outside the pool: \(architecture)")
      case .pool(let index):
        pool += 1
        #expect(NASBench101Space.moduleHash(of: architecture) == space.key(at: index))
      }
    }
    // About 2 % of random vertex rows have one output with absent vertices only after it.
    #expect(invalid > 15_000 && pool > 20, "invalid \(invalid), in pool \(pool)")
  }

  /// Random NAS-Bench-Graph rows: invalid link patterns, valid architectures the dataset's
  /// table lacks, and table architectures all occur, and each is what its arrays say.
  @Test func randomNASBenchGraphTokenRowsHitAllThreeStatuses() throws {
    let space = try Self.space("nbgraph-cora")
    let layout = space.tokenLayout
    var rng = SeededGenerator(seed: 7)
    var seen: [String: Int] = [:]
    for _ in 0..<2_000 {
      let architecture = try #require(layout.architecture(from: layout.positions.map { rng.nextInt(below: $0.vocabularySize) }))
      let status = space.status(of: architecture)
      #expect((status == .invalid) == !NASBenchGraphSpace.links.contains(architecture.connections))
      seen[status.poolIndex == nil ? status.description : "pool", default: 0] += 1
    }
    #expect(seen["invalid", default: 0] > 0 && seen["not in pool", default: 0] > 0 && seen["pool", default: 0] > 0, "\(seen)")
  }

  /// The whole NAS-Bench-101 pool as one-hot token rows, a chunk at a time.
  @Test func nasBench101PoolEncodesInBoundedChunks() throws {
    let space = try Self.space("nas-bench-101")
    let encoder = PoolEncoder(space, form: .tokens, chunkSize: 8_192)
    var rows = 0
    var ones = 0.0
    encoder.forEachChunk { range, values in
      rows += range.count
      #expect(values.count <= 8_192 * encoder.width)
      ones += values.reduce(0) { $0 + Double($1) }
    }
    #expect(rows == 423_624 && encoder.width == 73)
    #expect(ones == Double(423_624 * 28), "one token per position")
  }
}
