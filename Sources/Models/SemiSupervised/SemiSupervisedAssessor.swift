import Randomness

/// The semi-supervised assessor of Tang et al. (CVPR 2020, "A Semi-Supervised Assessor of
/// Neural Architectures", <https://arxiv.org/abs/2005.06821>), as NASArena **reconstructs** it
/// from the paper's abstract (no code or tables could be read): label-free embeddings of the
/// architectures, a relation graph over labelled and unlabelled ones, and a graph
/// convolutional regressor over that graph.
///
/// Each `fit` draws `sampleSize` unlabelled candidates (`UnlabelledSample`), builds the
/// `RelationGraph` over the labelled architectures followed by that sample (features
/// standardised per dimension over all its nodes: label-free), and trains `GraphRegression` on
/// the labelled nodes' z-scored targets. Predictions for graph nodes are the transductive
/// outputs; an architecture outside the graph is joined to its `neighbours` nearest graph
/// nodes with the graph's kernel and convolved inductively (`inductiveOutput`).
///
/// Choices the abstract leaves open (each a setting, reasons in `docs/methods/semi-assessor.md`):
/// the embedding (arch2vec's VAE, shared with arch2vec-bo, as the abstract's auto-encoder); the
/// kNN graph (k = 10, symmetrised, Gaussian kernel with the median neighbour distance); the
/// GCN (two layers, Kipf and Welling's training settings, hidden 64); the unlabelled sample
/// (10,000, fresh at every fit); no Laplacian term by default.
public final class SemiSupervisedAssessor: SemiSupervisedPredictor {
  /// The assessor's settings.
  public struct Configuration: Sendable, Hashable {
    /// Neighbours listed per node.
    public var neighbours = 10
    /// Unlabelled candidates drawn into the graph at every fit.
    public var sampleSize = 10_000
    /// The kernel bandwidth as a multiple of the median neighbour distance.
    public var bandwidthScale: Float = 1
    /// The graph convolutional regressor.
    public var regression = GraphRegression.Configuration()

    /// The defaults.
    public init() {}
  }

  /// Every pool architecture's embedding.
  public let features: EmbeddingFeatures
  /// The architectures the unlabelled sample is drawn from (the domain).
  public let candidates: [Int]
  /// The settings.
  public let configuration: Configuration
  public private(set) var unlabelledSample: [Int] = []
  /// The last fit's graph, `nil` before the first.
  public private(set) var graph: RelationGraph?
  private var fitted: GraphRegression.Fitted?
  private var nodeOf: [Int: Int] = [:]
  private var nodeRows: [Float] = []
  private var center: [Float] = []
  private var scale: [Float] = []
  private var scaling = TargetScaling([])

  /// An assessor on `features`, drawing unlabelled architectures from `candidates`.
  public init(features: EmbeddingFeatures, candidates: [Int], configuration: Configuration = Configuration()) {
    self.features = features
    self.candidates = candidates
    self.configuration = configuration
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "SemiSupervisedAssessor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    // A repeated labelled architecture keeps its first label.
    var labelled: [Int] = []
    var labels: [Double] = []
    var seen = Set<Int>()
    for (index, target) in zip(poolIndices, targets) where seen.insert(index).inserted {
      labelled.append(index)
      labels.append(target)
    }
    unlabelledSample = UnlabelledSample.draw(from: candidates, excluding: labelled, size: configuration.sampleSize, using: &rng)
    let nodes = labelled + unlabelledSample
    nodeOf = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
    let width = features.width
    var rows = features.features(of: nodes)
    (center, scale) = Self.standardization(rows, width: width)
    for i in 0..<nodes.count {
      for j in 0..<width { rows[i * width + j] = (rows[i * width + j] - center[j]) / scale[j] }
    }
    nodeRows = rows
    let graph = RelationGraph(features: rows, width: width, neighbours: configuration.neighbours, bandwidthScale: configuration.bandwidthScale)
    scaling = TargetScaling(labels)
    fitted = GraphRegression.fit(
      graph: graph, features: rows, width: width, labelled: Array(0..<labelled.count), targets: scaling.standardized(labels),
      configuration: configuration.regression, using: &rng)
    self.graph = graph
  }

  /// Graph nodes: their transductive outputs; others: the inductive convolution. In target
  /// units; 0 before the first `fit`.
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let fitted, let graph else { return Array(repeating: 0, count: poolIndices.count) }
    var result = [Double](repeating: 0, count: poolIndices.count)
    var outside: [Int] = []
    for (position, index) in poolIndices.enumerated() {
      if let node = nodeOf[index] { result[position] = scaling.restored(fitted.outputs[node]) } else { outside.append(position) }
    }
    guard !outside.isEmpty else { return result }
    let width = features.width
    var queries = features.features(of: outside.map { poolIndices[$0] })
    for i in 0..<outside.count {
      for j in 0..<width { queries[i * width + j] = (queries[i * width + j] - center[j]) / scale[j] }
    }
    let found = NearestNeighbours.search(queries: queries, references: nodeRows, width: width, k: configuration.neighbours)
    let k = configuration.neighbours
    for (i, position) in outside.enumerated() {
      let pairs = (0..<k).compactMap { r -> (Int, Float)? in
        let node = found.indices[i * k + r]
        return node >= 0 ? (node, graph.kernel(distance: found.distances[i * k + r])) : nil
      }
      let output = fitted.inductiveOutput(
        row: Array(queries[(i * width)..<((i + 1) * width)]), neighbours: pairs.map(\.0), weights: pairs.map(\.1), degrees: graph.degrees)
      result[position] = scaling.restored(output)
    }
    return result
  }

  /// Per-dimension mean and standard deviation (1 where constant) of `rows`.
  static func standardization(_ rows: [Float], width: Int) -> (center: [Float], scale: [Float]) {
    let n = max(rows.count / width, 1)
    var center = [Float](repeating: 0, count: width)
    var scale = [Float](repeating: 1, count: width)
    for j in 0..<width {
      var sum = 0.0
      for i in 0..<(rows.count / width) { sum += Double(rows[i * width + j]) }
      let mean = sum / Double(n)
      var squares = 0.0
      for i in 0..<(rows.count / width) { squares += (Double(rows[i * width + j]) - mean) * (Double(rows[i * width + j]) - mean) }
      let deviation = (squares / Double(n)).squareRoot()
      center[j] = Float(mean)
      scale[j] = deviation > 1e-12 ? Float(deviation) : 1
    }
    return (center, scale)
  }
}
