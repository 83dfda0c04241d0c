import Harness
import Results
import SearchSpaces
import TestSupport
import Testing

/// The token signature in a task record: per-position token counts of the domain and of the
/// domain architectures reaching the top-1 % threshold, checked against a count done here.
@Suite struct TaskSignatureTests {
  @Test(arguments: ["tiny", "tiny-subset"])
  func signatureCountsTheDomainAndItsTopPercentPerPosition(name: String) throws {
    let task = try Fixtures.source.task(named: name)
    let record = task.record
    let signature = try #require(record.signature)
    let layout = task.domain.space.tokenLayout
    #expect(signature.positions.map(\.name) == layout.positions.map(\.name))
    #expect(signature.positions.map(\.tokens) == layout.positions.map(\.valueNames))
    var domain = layout.positions.map { [Int](repeating: 0, count: $0.vocabularySize) }
    var top = domain
    var topCount = 0
    for index in task.domain.indices {
      let tokens = try #require(layout.tokens(of: task.domain.space.architecture(at: index)))
      for (position, token) in tokens.enumerated() { domain[position][token] += 1 }
      if task.report[index] >= record.topPercentReport {
        topCount += 1
        for (position, token) in tokens.enumerated() { top[position][token] += 1 }
      }
    }
    #expect(signature.domainCount == task.domain.count && signature.domainCounts == domain)
    // At least 1 % of the domain, rounded up, and at least one architecture (more on ties).
    #expect(topCount >= max(1, (task.domain.count + 99) / 100))
    #expect(signature.topCount == topCount && signature.topCounts == top)
    #expect(signature.domainFrequencies.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
  }

  @Test func theRunWritesTheSignatureIntoTasksJSON() async throws {
    let folder = try await Fixtures.run(
      try Fixtures.suite(
        """
        name: signature
        seed: 3
        trials: 1
        budget: { queries: 5 }
        tasks: [tiny-subset]
        methods:
          - method: random-search
        report: { checkpoints: [5] }
        """))
    let records = try folder.readRecords()
    #expect(records.tasks.first?.signature == (try Fixtures.source.task(named: "tiny-subset")).record.signature)
    #expect(records.tasks.first?.signature != nil)
  }
}
