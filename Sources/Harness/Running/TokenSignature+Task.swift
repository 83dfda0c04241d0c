import Benchmarks
import Results
import SearchSpaces

extension TokenSignature {
  /// The token frequencies of `task`'s domain and of the domain architectures whose report
  /// metric reaches `topThreshold` (the task record's `topPercentReport`), over the space's
  /// token layout.
  ///
  /// One pass over the domain: each architecture's tokens are counted once, into the domain
  /// counts and, when it reaches the threshold, into the top counts. Domain architectures
  /// without tokens (none in the spaces here) are left out of both.
  ///
  /// - Complexity: O(domain size x positions x vocabulary).
  init(task: BenchmarkTask, topThreshold: Double) {
    let space = task.domain.space
    let layout = space.tokenLayout
    let shape = layout.positions.map(\.vocabularySize)
    var domainCounts = shape.map { [Int](repeating: 0, count: $0) }
    var topCounts = domainCounts
    var domainCount = 0
    var topCount = 0
    for index in task.domain.indices {
      guard let tokens = layout.tokens(of: space.architecture(at: index)) else { continue }
      domainCount += 1
      for (position, token) in tokens.enumerated() { domainCounts[position][token] += 1 }
      guard task.report[index] >= topThreshold else { continue }
      topCount += 1
      for (position, token) in tokens.enumerated() { topCounts[position][token] += 1 }
    }
    self.init(
      positions: layout.positions.map { position in
        Position(name: position.name, role: position.role == .connection ? .connection : .operation, tokens: position.valueNames)
      },
      domainCount: domainCount, domainCounts: domainCounts, topCount: topCount, topCounts: topCounts)
  }
}
