import SearchSpaces
import Testing

@Suite struct PoolStatusTests {
  @Test func fixedCellsAreInvalidOrInThePool() {
    let space = SyntheticSpaces.nasBench201
    #expect(space.status(of: Architecture(operations: [1, 2, 3, 4, 0, 1])) == .pool(1 * 3125 + 2 * 625 + 3 * 125 + 4 * 25 + 1))
    #expect(space.status(of: Architecture(operations: [1, 2, 3, 4, 0, 5])) == .invalid)
    #expect(space.status(of: Architecture(operations: [1, 2, 3, 4, 0])) == .invalid)
    #expect(space.status(of: Architecture(operations: [1, 2, 3, 4, 0, 1], connections: [0])) == .invalid)
    #expect(space.index(of: Architecture(operations: [0, 0, 0, 0, 0, 0])) == 0)
  }

  @Test func nasBench101TellsInvalidCellsFromValidCellsThePoolLacks() {
    let space = SyntheticSpaces.emptyNASBench101
    let chain = SyntheticSpaces.cell([0, 1, 2, 4], edges: [(0, 1), (1, 2), (2, 3)])
    #expect(space.status(of: chain) == .notInPool)
    #expect(space.index(of: chain) == nil)
    // Output unreachable.
    #expect(space.status(of: SyntheticSpaces.cell([0, 1, 2, 4], edges: [(0, 1), (1, 2)])) == .invalid)
    // An edge into an absent vertex, a second output, a wrong length.
    var dangling = chain
    dangling.connections[NASBench101Space.connectionPairs.firstIndex { $0 == (3, 5) } ?? 0] = 1
    #expect(space.status(of: dangling) == .invalid)
    #expect(space.status(of: SyntheticSpaces.cell([0, 4, 4], edges: [(0, 1), (1, 2)])) == .invalid)
    #expect(space.status(of: Architecture(operations: [0, 4], connections: [1])) == .invalid)
    // Ten edges after pruning: over the limit of 9.
    let dense = SyntheticSpaces.cell(
      [0, 1, 1, 1, 1, 4], edges: [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (0, 2), (0, 3), (1, 3), (1, 4), (2, 5)])
    #expect(dense.connections.reduce(0) { $0 + Int($1) } == 10)
    #expect(space.status(of: dense) == .invalid)
  }

  @Test func statusDescriptionsNameTheCase() {
    #expect(PoolStatus.invalid.description == "invalid" && PoolStatus.notInPool.description == "not in pool")
    #expect(PoolStatus.pool(3).description == "pool index 3" && PoolStatus.pool(3).poolIndex == 3 && PoolStatus.notInPool.isValid)
  }
}
