import SearchMethods
import SearchSpaces
import TestSupport
import Testing

@Suite struct GenerationReportTests {
  /// 3 slots over 3 pool labels and 1 label outside the pool; the domain is every third cell.
  static let space = TinySpace(positions: 3, operations: 3, unpooledOperations: 1)
  static let domain = Domain(space: space, indices: Array(stride(from: 0, to: 27, by: 3)))

  @Test func countsNestAndTellNovelFromQueriedAndDomainFromPool() {
    let generated = [
      Architecture(operations: [0, 0, 0]),  // pool 0, in domain, queried
      Architecture(operations: [0, 0, 0]),  // repeat
      Architecture(operations: [0, 1, 0]),  // pool 3, in domain, novel
      Architecture(operations: [0, 0, 1]),  // pool 1, outside the domain, novel
      Architecture(operations: [0, 0, 3]),  // valid, not in the pool, novel
      Architecture(operations: [0, 0, 3]),  // repeat
      Architecture(operations: [0, 0, 4]),  // invalid label
      Architecture(operations: [0, 0]),  // invalid length
    ]
    let report = GenerationReport(generated: generated, domain: Self.domain, queried: [0], countingTokens: true)
    #expect(report.generated == 8 && report.valid == 6 && report.unique == 4 && report.novel == 3 && report.inDomain == 2)
    // Token counts cover the 6 cells with tokens (labels 0...3), per slot.
    #expect(report.tokenCounts == [[6, 0, 0, 0], [5, 1, 0, 0], [3, 1, 0, 2]])
    let plain = GenerationReport(generated: generated, domain: Self.domain, queried: [])
    #expect(plain.tokenCounts.isEmpty && plain.novel == 4)
  }
}
