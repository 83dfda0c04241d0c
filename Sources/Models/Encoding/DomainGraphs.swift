import NeuralNetworks
import SearchSpaces

/// Every architecture of a domain as a graph with operations on nodes, for graph models.
///
/// `shared(_:)` builds the graphs once per process for a (space, domain) and hands the same
/// read-only value to every trial.
public struct DomainGraphs: Sendable {
  /// Which pool index each row holds.
  public let rows: DomainRows
  /// One graph per row.
  public let graphs: [GraphSample]
  /// Number of node labels (`CellGraph.vocabularySize`), shared by every graph of the space.
  public let vocabularySize: Int
  private let space: any SearchSpace

  /// Converts every architecture of `domain` with `SearchSpace.graph(of:)`.
  ///
  /// - Complexity: O(domain size x graph cost).
  public init(_ domain: Domain) {
    let space = domain.space
    rows = DomainRows(domain)
    graphs = rows.poolIndices.map { Self.sample(space.graph(of: space.architecture(at: $0))) }
    vocabularySize = graphs.first?.vocabularySize ?? space.graph(of: space.architecture(at: 0)).vocabularySize
    self.space = space
  }

  private static let cache = SharedCache<DomainGraphs>()

  /// The graphs of `domain`, built once per process and shared read-only across trials.
  public static func shared(_ domain: Domain) -> DomainGraphs {
    cache.value(for: DomainRows(domain).cacheKey + "|graph") { DomainGraphs(domain) }
  }

  /// The graphs of `poolIndices`; architectures outside the domain are converted on the fly.
  public func graphs(of poolIndices: [Int]) -> [GraphSample] {
    poolIndices.map { index in
      rows.row(of: index).map { graphs[$0] } ?? Self.sample(space.graph(of: space.architecture(at: index)))
    }
  }

  private static func sample(_ graph: CellGraph) -> GraphSample {
    GraphSample(
      nodeCount: graph.nodeCount, adjacency: graph.adjacency, nodeOperations: graph.nodeOperations,
      vocabularySize: graph.vocabularySize)
  }
}
