import NeuralNetworks
import Randomness
import Tensor

// MARK: - Training

extension GraphVariationalAutoencoder {
  /// Trains on `graphs` (no labels) with the configuration's epochs, batches, Adam rate and
  /// clipping, continuing from the current weights.
  ///
  /// - Parameters:
  ///   - graphs: Cells sharing this model's vocabulary; each epoch visits them in a fresh order.
  ///   - rng: Batches, latent noise and dropout.
  ///   - onEpochEnd: Sees each epoch's mean loss; may return a validation loss (early stopping
  ///     is off, so it is only recorded) or stop.
  /// - Returns: What the run did; `finalLoss` is the last epoch's mean total loss.
  @discardableResult
  public func train(
    on graphs: [GraphSample], using rng: inout SeededGenerator, onEpochEnd: (EpochSummary) -> EpochFeedback = { _ in .proceed }
  ) -> TrainingOutcome {
    requireVocabulary(of: graphs, in: "train")
    let loop = TrainingLoop(
      epochs: configuration.epochs, batchSize: configuration.batchSize, maximumGradientNorm: configuration.maximumGradientNorm)
    let optimizer = Optimizer(Adam(), learningRate: configuration.learningRate)
    return loop.run(exampleCount: graphs.count, parameters: parameters, optimizer: optimizer, using: &rng, onEpochEnd: onEpochEnd) {
      positions, rng in
      let batch = GraphBatch(positions.map { graphs[$0] })
      // Batch norm needs more than one row; a lone one-node graph cannot be trained on.
      guard batch.graphCount * batch.nodeCount > 1 else { return nil }
      let losses = self.losses(batch, adjacency: Self.undirectedAdjacency(batch), mode: .training, using: &rng)
      return BatchLoss(losses.total, weight: Float(positions.count))
    }
  }
}

// MARK: - Encoding and decoding

extension GraphVariationalAutoencoder {
  /// Stops with both vocabulary sizes when `graphs` do not match the model.
  private func requireVocabulary(of graphs: [GraphSample], in caller: String) {
    if let other = graphs.first(where: { $0.vocabularySize != vocabularySize }) {
      preconditionFailure("GraphVariationalAutoencoder.\(caller): a graph has \(other.vocabularySize) operation types, the model \(vocabularySize)")
    }
  }

  /// Graphs per evaluation chunk.
  private static let chunkSize = 1024

  /// Each graph's embedding: the mean over its nodes of the latent mean (evaluation mode).
  ///
  /// - Returns: `[graphs.count, latentSize]`.
  /// - Complexity: O(graphs), in chunks of 1,024 graphs.
  public func encode(_ graphs: [GraphSample]) -> Tensor {
    requireVocabulary(of: graphs, in: "encode")
    let latent = configuration.latentSize
    var scalars: [Float] = []
    scalars.reserveCapacity(graphs.count * latent)
    withoutGradients {
      for start in stride(from: 0, to: graphs.count, by: Self.chunkSize) {
        let batch = GraphBatch(Array(graphs[start..<min(start + Self.chunkSize, graphs.count)]))
        let mu = latentDistribution(features: batch.features, adjacency: Self.undirectedAdjacency(batch), mode: .evaluation).mean
        scalars += batch.meanOverNodes(mu).scalars
      }
    }
    return Tensor(shape: [graphs.count, latent], scalars: scalars)
  }

  /// The latent mean of every node of `graphs`, padded to their largest node count
  /// (evaluation mode).
  ///
  /// - Returns: `[graphs.count, nodes, latentSize]`, zero rows stand for padding only in the
  ///   input; padded rows of the result hold whatever the encoder gives them.
  public func encodeNodes(_ graphs: [GraphSample]) -> Tensor {
    requireVocabulary(of: graphs, in: "encodeNodes")
    return withoutGradients {
      let batch = GraphBatch(graphs)
      return latentDistribution(features: batch.features, adjacency: Self.undirectedAdjacency(batch), mode: .evaluation).mean
    }
  }

  /// The decoder's probabilities for node latents.
  public struct Decoded {
    /// `[graphs, nodes, vocabularySize]`: `sigmoid(linear(z))`.
    public let operationProbabilities: Tensor
    /// `[graphs, nodes, nodes]`: `sigmoid(z zᵀ)`, symmetric.
    public let adjacencyProbabilities: Tensor
  }

  /// Decodes node latents (no dropout).
  ///
  /// - Parameter latents: `[graphs, nodes, latentSize]`.
  public func decode(_ latents: Tensor) -> Decoded {
    precondition(
      latents.rank == 3 && latents.shape[2] == configuration.latentSize,
      "GraphVariationalAutoencoder.decode: latents \(latents.shape) must be [graphs, nodes, \(configuration.latentSize)]")
    return withoutGradients {
      Decoded(
        operationProbabilities: operationDecoder(latents).sigmoid(),
        adjacencyProbabilities: Tensor.matmul(latents, latents, transposeB: true).sigmoid())
    }
  }

  /// Decodes node latents to cells: each node takes its most probable operation, and an edge
  /// i → j (i < j, nodes in topological order as the cells are) exists where its probability
  /// exceeds 1/2.
  ///
  /// - Parameter latents: `[graphs, nodes, latentSize]`.
  /// - Returns: One graph of `nodes` nodes per row; validity is for the search space to judge.
  public func decodeGraphs(_ latents: Tensor) -> [GraphSample] {
    let decoded = decode(latents)
    let (graphs, nodes) = (latents.shape[0], latents.shape[1])
    let operations = decoded.operationProbabilities.scalars
    let adjacency = decoded.adjacencyProbabilities.scalars
    return (0..<graphs).map { g in
      let labels = (0..<nodes).map { i in
        let row = operations[((g * nodes + i) * vocabularySize)..<((g * nodes + i + 1) * vocabularySize)]
        return (row.indices.max { row[$0] < row[$1] } ?? row.startIndex) - row.startIndex
      }
      var edges = [Float](repeating: 0, count: nodes * nodes)
      for i in 0..<nodes {
        for j in (i + 1)..<max(nodes, i + 1) where adjacency[(g * nodes + i) * nodes + j] > 0.5 { edges[i * nodes + j] = 1 }
      }
      return GraphSample(nodeCount: nodes, adjacency: edges, nodeOperations: labels, vocabularySize: vocabularySize)
    }
  }
}

// MARK: - Reconstruction accuracy

extension GraphVariationalAutoencoder {
  /// How well graphs survive encoding to the latent mean and decoding.
  public struct ReconstructionAccuracy: Sendable, Hashable {
    /// Fraction of real nodes whose most probable decoded operation is their operation.
    public let operations: Double
    /// Fraction of pairs i < j of real nodes whose decoded undirected edge (probability above
    /// 1/2) matches `A + Aᵀ`.
    public let adjacency: Double
  }

  /// The reconstruction accuracy of `graphs` (evaluation mode, latent means).
  public func reconstructionAccuracy(_ graphs: [GraphSample]) -> ReconstructionAccuracy {
    var (nodeHits, nodeCount, pairHits, pairCount) = (0, 0, 0, 0)
    for start in stride(from: 0, to: graphs.count, by: Self.chunkSize) {
      let chunk = Array(graphs[start..<min(start + Self.chunkSize, graphs.count)])
      let batch = GraphBatch(chunk)
      let n = batch.nodeCount
      let decoded = decode(encodeNodes(chunk))
      let operations = decoded.operationProbabilities.scalars
      let adjacency = decoded.adjacencyProbabilities.scalars
      let target = Self.undirectedAdjacency(batch).scalars
      for (g, graph) in chunk.enumerated() {
        for i in 0..<graph.nodeCount {
          let row = operations[((g * n + i) * vocabularySize)..<((g * n + i + 1) * vocabularySize)]
          let predicted = (row.indices.max { row[$0] < row[$1] } ?? row.startIndex) - row.startIndex
          nodeHits += predicted == graph.nodeOperations[i] ? 1 : 0
          nodeCount += 1
          for j in (i + 1)..<max(graph.nodeCount, i + 1) {
            let index = (g * n + i) * n + j
            pairHits += (adjacency[index] > 0.5) == (target[index] != 0) ? 1 : 0
            pairCount += 1
          }
        }
      }
    }
    return ReconstructionAccuracy(
      operations: Double(nodeHits) / Double(max(nodeCount, 1)), adjacency: Double(pairHits) / Double(max(pairCount, 1)))
  }
}
