import Benchmarks
import Harness
import Randomness
import SearchSpaces

/// Tasks over `TinySpace` with formula labels, for harness and method tests.
///
/// The signal rewards higher operation labels with a pairwise interaction (so local moves
/// help but the landscape has local optima) plus a deterministic per-architecture jitter; the
/// report metric is the signal plus another jitter (so best-signal and best-report differ);
/// the cost grows with the operation labels. Task `tiny-subset` keeps only every third
/// architecture in its domain, to exercise refusals outside the domain.
public struct TinyTaskSource: TaskSource {
  public let space: TinySpace

  /// A source over a space of `positions` x `operations`; `pathEncoding` gives the space the
  /// path encoding too, `unpooledOperations` valid labels outside the pool (see `TinySpace`).
  public init(positions: Int = 4, operations: Int = 4, pathEncoding: Bool = false, unpooledOperations: Int = 0) {
    space = TinySpace(positions: positions, operations: operations, pathEncoding: pathEncoding, unpooledOperations: unpooledOperations)
  }

  public var taskNames: [String] { ["tiny", "tiny-subset"] }

  public func task(named name: String) throws -> BenchmarkTask {
    guard taskNames.contains(name) else { throw TinyTaskError(name: name) }
    let all = Array(0..<space.poolSize)
    let domain = name == "tiny" ? all : all.filter { $0 % 3 == 0 }
    var signal = [Double](repeating: .nan, count: space.poolSize)
    var report = signal
    var cost = signal
    for index in domain {
      let ops = space.architecture(at: index).operations.map(Double.init)
      let pairs = zip(ops, ops.dropFirst()).map { $0 == $1 ? 1.5 : 0 }.reduce(0, +)
      let jitter = Double(StableHash.of("s\(index)") % 1000) / 1000
      let reportJitter = Double(StableHash.of("r\(index)") % 1000) / 1000
      signal[index] = ops.reduce(0, +) + pairs + jitter
      report[index] = signal[index] + reportJitter
      cost[index] = 10 + 5 * ops.reduce(0, +)
    }
    return BenchmarkTask(
      name: name, benchmark: "tiny", dataset: "formula", signal: LabelColumn(name: "signal", values: signal),
      report: LabelColumn(name: "report", values: report), cost: LabelColumn(name: "cost", values: cost),
      domain: Domain(space: space, indices: domain), caveat: name == "tiny-subset" ? "a third of the space is labelled" : nil)
  }

  public func dataChecksums(for taskNames: [String]) throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: taskNames.map { ("\($0).formula", "\(space.positions)x\(space.operationCount)") })
  }
}

/// An unknown tiny task.
public struct TinyTaskError: Error, CustomStringConvertible {
  public let name: String
  public var description: String { "unknown tiny task '\(name)'; known: tiny, tiny-subset" }
}
