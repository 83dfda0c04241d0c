import Models
import NeuralNetworks
import Randomness
import Tensor

/// The three training workloads timed by `nasarena perf`, one epoch each, on the models the
/// search methods train.
enum NumericsWorkload: CaseIterable {
  /// WeakNAS's predictor: MLP 30 → 4 × 1000 → 1 on 1000 inputs, batch 200, Adam.
  case mlp
  /// BRP-NAS's GCN (`GCNEncoder`, 4 layers of 600, global-node read-out) with a linear head on
  /// NAS-Bench-201 graphs, batch 64, AdamW with a cosine schedule, L1 loss.
  case gcn
  /// arch2vec's GIN VAE (`GraphVariationalAutoencoder`, 4 layers of 128) on NAS-Bench-101
  /// graphs, batch 32, Adam, clipping at norm 5.
  case ginVAE

  var title: String {
    switch self {
    case .mlp: return "MLP 4x1000, 1000x30 inputs, batch 200"
    case .gcn: return "GCN 4x600 + global node, NB201 graphs, batch 64"
    case .ginVAE: return "GIN VAE 4x128, NB101 graphs, batch 32"
    }
  }

  /// A closure that trains the workload's model for one epoch per call.
  ///
  /// Batches are built once, in a fixed order, so an epoch times the numerics alone.
  func makeEpoch(_ options: NumericsTimingOptions) -> () -> Void {
    var rng = SeededGenerator(seed: 2024)
    switch self {
    case .mlp:
      let model = MLP(sizes: [30, 1000, 1000, 1000, 1000, 1], using: &rng)
      let optimizer = Optimizer(Adam(weightDecay: .coupled(1e-4)), learningRate: 1e-3)
      let inputs = Tensor(randomNormal: [1000, 30], using: &rng)
      let targets = Tensor(randomNormal: [1000, 1], using: &rng)
      return {
        for start in stride(from: 0, to: 1000, by: 200) {
          let x = inputs.slice(alongAxis: 0, start..<(start + 200))
          let y = targets.slice(alongAxis: 0, start..<(start + 200))
          Loss.meanSquaredError(model(x, mode: .training, using: &rng), y).backward()
          optimizer.step(model.parameters)
        }
      }
    case .gcn:
      let graphs = options.nasBench201Graphs
      let batches = stride(from: 0, to: graphs.count, by: 64).map { start in
        GraphBatch(Array(graphs[start..<min(start + 64, graphs.count)]), globalNode: true)
      }
      let adjacencies = batches.map { $0.symmetricNormalizedAdjacency() }
      let labelCount = batches.first?.labelCount ?? 1
      let encoder = GCNEncoder(inputSize: labelCount, hiddenSize: 600, layers: 4, dropout: 0.2, using: &rng)
      let head = Linear(600, 1, name: "regression", using: &rng)
      let parameters = encoder.parameters + head.parameters
      let schedule = CosineSchedule(base: 3.5e-4, totalSteps: 250 * max(batches.count, 1))
      let optimizer = Optimizer(Adam.adamW(weightDecay: 5e-4), schedule: schedule)
      let targets = batches.map { Tensor(randomNormal: [$0.graphCount, 1], using: &rng) }
      return {
        for (i, batch) in batches.enumerated() {
          let embeddings = encoder(features: batch.features, adjacency: adjacencies[i], mode: .training, using: &rng)
          Loss.meanAbsoluteError(head(embeddings), targets[i]).backward()
          optimizer.step(parameters)
        }
      }
    case .ginVAE:
      let graphs = options.nasBench101Graphs
      let batches = stride(from: 0, to: graphs.count, by: 32).map { start in
        GraphBatch(Array(graphs[start..<min(start + 32, graphs.count)]))
      }
      let adjacencies = batches.map { GraphVariationalAutoencoder.undirectedAdjacency($0) }
      let model = GraphVariationalAutoencoder(vocabularySize: batches.first?.labelCount ?? 1, using: &rng)
      let optimizer = Optimizer(Adam(), learningRate: model.configuration.learningRate)
      return {
        for (i, batch) in batches.enumerated() {
          model.losses(batch, adjacency: adjacencies[i], mode: .training, using: &rng).total.backward()
          GradientClipping.clip(model.parameters, maximumNorm: model.configuration.maximumGradientNorm)
          optimizer.step(model.parameters)
        }
      }
    }
  }
}
