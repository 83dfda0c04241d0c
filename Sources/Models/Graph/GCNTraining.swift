import NeuralNetworks
import Randomness
import Tensor

/// How the BRP-NAS graph models are shaped and trained (shared by the binary relation
/// predictor and the unary GCN regressor).
///
/// Defaults are the published ones (Dudziak et al. 2020): 4 GCN layers of 600, dropout 0.2,
/// AdamW with learning rate 3.5e-4 and weight decay 5e-4, a cosine schedule over 250 epochs,
/// early stopping with patience 35 after epoch 20.
///
/// Difference from the source: the source trains on mini-batches of 64 pairs and embeds both
/// graphs of every pair. Here a step takes `graphsPerStep` labelled graphs, embeds each once and
/// trains on every ordered pair among them (16 graphs: 240 pairs); an epoch is one pass over
/// the labelled graphs, so it embeds each graph once instead of once per pair it appears in
/// (n - 1 times). Pairs across steps meet in later epochs, as batches are reshuffled. Early
/// stopping watches the epoch's mean training loss (the labelled sets are too small to hold out
/// a validation split) and counts an epoch as an improvement only when it lowers the best loss
/// by more than `tolerance` (1e-3; `EarlyStopping.Rule.sinceLastImprovement`): the training
/// loss keeps creeping down under a cosine schedule, so an exact comparison would almost never
/// stop. The weights of the last epoch are kept.
public struct GCNTraining: Sendable, Hashable {
  /// GCN layers.
  public var layers = 4
  /// Width of every GCN layer.
  public var hiddenSize = 600
  /// Dropout probability after each layer while training.
  public var dropout: Float = 0.2
  /// AdamW base learning rate.
  public var learningRate: Float = 3.5e-4
  /// AdamW decoupled weight decay.
  public var weightDecay: Float = 5e-4
  /// Maximum epochs; the cosine schedule spans them.
  public var epochs = 250
  /// Epochs without a lower training loss before stopping.
  public var patience = 35
  /// Early stopping is not checked before this epoch.
  public var patienceStart = 20
  /// An epoch improves only if its mean loss is below `best - tolerance` (Keras's `min_delta`).
  public var tolerance: Float = 1e-3
  /// Labelled graphs per optimisation step.
  public var graphsPerStep = 16

  /// The published settings.
  public init() {}

  /// The loop these settings describe: batches of `graphsPerStep` graphs, stopping by the
  /// Keras rule (`EarlyStopping.Rule.sinceLastImprovement`) from epoch `patienceStart`.
  var loop: TrainingLoop {
    TrainingLoop(
      epochs: epochs, batchSize: graphsPerStep,
      earlyStopping: EarlyStopping(rule: .sinceLastImprovement, patience: patience, tolerance: tolerance, startEpoch: patienceStart))
  }

  /// Runs the epochs: `loss` gets the graph positions of one mini-batch and returns its loss
  /// (`nil` to skip the batch: no step, and it does not enter the epoch's mean), which is
  /// back-propagated into `parameters` with AdamW and the cosine schedule; an epoch's loss is
  /// the mean over its steps.
  ///
  /// - Returns: the number of epochs run.
  func run(
    count: Int, parameters: [Parameter], using rng: inout SeededGenerator, loss: ([Int], inout SeededGenerator) -> Tensor?
  ) -> Int {
    let loop = loop
    let optimizer = Optimizer(
      Adam.adamW(weightDecay: weightDecay),
      schedule: CosineSchedule(base: learningRate, totalSteps: max(epochs * loop.batchesPerEpoch(exampleCount: count), 1)))
    let outcome = loop.run(exampleCount: count, parameters: parameters, optimizer: optimizer, using: &rng) { batch, rng in
      loss(batch, &rng).map { BatchLoss($0) }
    }
    return outcome.epochsRun
  }

  /// A freshly initialised encoder for graphs with `vocabularySize` node labels.
  func makeEncoder(vocabularySize: Int, using rng: inout SeededGenerator) -> GCNEncoder {
    GCNEncoder(inputSize: vocabularySize + 1, hiddenSize: hiddenSize, layers: layers, dropout: dropout, using: &rng)
  }

  /// `bias + weights · embedding` of each graph, embedded in evaluation mode.
  static func linearScores(_ graphs: [GraphSample], encoder: GCNEncoder, weights: [Float], bias: Float) -> [Float] {
    let width = encoder.embeddingSize
    let embeddings = embed(graphs, with: encoder)
    return graphs.indices.map { row in
      var score = bias
      for j in 0..<width { score += weights[j] * embeddings[row * width + j] }
      return score
    }
  }

  /// Embeddings of `graphs` in evaluation mode, `[graphs.count, hiddenSize]` row-major.
  ///
  /// Each distinct graph is embedded once (evaluation mode is deterministic and per graph, and
  /// many cells share a graph: NAS-Bench-201's 15,625 cells give 6,605 graphs once `none` is
  /// dropped and `skip` contracted), in chunks of graphs with equal node counts (so no chunk
  /// pads).
  static func embed(_ graphs: [GraphSample], with encoder: GCNEncoder) -> [Float] {
    let width = encoder.embeddingSize
    var slotOfGraph: [GraphSample: Int] = [:]
    var distinct: [GraphSample] = []
    let slots = graphs.map { graph in
      if let slot = slotOfGraph[graph] { return slot }
      slotOfGraph[graph] = distinct.count
      distinct.append(graph)
      return distinct.count - 1
    }
    let embedded = embedDistinct(distinct, with: encoder)
    var result = [Float](repeating: 0, count: graphs.count * width)
    for (row, slot) in slots.enumerated() {
      for j in 0..<width { result[row * width + j] = embedded[slot * width + j] }
    }
    return result
  }

  private static func embedDistinct(_ graphs: [GraphSample], with encoder: GCNEncoder) -> [Float] {
    let width = encoder.embeddingSize
    var result = [Float](repeating: 0, count: graphs.count * width)
    let order = graphs.indices.sorted { (graphs[$0].nodeCount, $0) < (graphs[$1].nodeCount, $1) }
    var unused = SeededGenerator(seed: 0)
    withoutGradients {
      var start = 0
      while start < order.count {
        var end = start + 1
        while end < order.count && end - start < 2048 && graphs[order[end]].nodeCount == graphs[order[start]].nodeCount { end += 1 }
        let chunk = Array(order[start..<end])
        let input = EncoderInput(chunk.map { graphs[$0] })
        let embedded = encoder(features: input.features, adjacency: input.adjacency, mode: .evaluation, using: &unused).scalars
        for (position, graph) in chunk.enumerated() {
          for j in 0..<width { result[graph * width + j] = embedded[position * width + j] }
        }
        start = end
      }
    }
    return result
  }
}
