import NeuralNetworks
import Randomness
import SearchSpaces
import Tensor

/// arch2vec's label-free pretraining over a whole pool: the GIN VAE trained on the first
/// 90 % of the pool's arch2vec graphs, judged each epoch on the last 10 %, then every pool
/// architecture embedded as the mean over its nodes of the latent mean.
///
/// Source: Yan et al., NeurIPS 2020 (code MSU-MLSys-Lab/arch2vec); see
/// `GraphVariationalAutoencoder` for the model and its defaults.
public enum Arch2VecPretraining {
  /// What one epoch achieved, as the source reports it.
  public struct EpochReport: Sendable, Hashable {
    /// 1-based epoch.
    public var epoch: Int
    /// Mean training loss.
    public var loss: Float
    /// Reconstruction accuracy of node operations and adjacency on the held-out 10 %.
    public var reconstruction: GraphVariationalAutoencoder.ReconstructionAccuracy
    /// Fraction of prior samples that decode to a cell of the pool.
    public var validity: Double
    /// Distinct cells among the valid prior samples, as a fraction of them.
    public var uniqueness: Double
    /// Fraction of prior samples whose decoded edges are exactly the fixed DAG's (1 for
    /// spaces without a fixed topology, whose validity already judges the edges).
    public var edgeAgreement: Double
    /// Seconds the epoch took, evaluation included.
    public var seconds: Double

    /// The progress line.
    public var line: String {
      let r = reconstruction
      return
        "epoch \(epoch): loss \(fixed(Double(loss), 4)), held-out reconstruction ops \(fixed(r.operations, 4)) adjacency \(fixed(r.adjacency, 4)), prior validity \(fixed(validity, 4)) uniqueness \(fixed(uniqueness, 4)) fixed-edge agreement \(fixed(edgeAgreement, 4)), \(fixed(seconds, 1)) s"
    }
  }

  /// The trained model's embeddings of the whole pool.
  public struct Result {
    /// `poolSize x latentSize` values, row by row in pool order.
    public var embeddings: [Float]
    /// One report per epoch.
    public var reports: [EpochReport]
  }

  /// Trains the VAE on `space`'s pool and embeds it.
  ///
  /// - Parameters:
  ///   - configuration: The VAE's shape and training (`epochs` included).
  ///   - priorSamples: Graphs decoded from latent draws each epoch for validity and
  ///     uniqueness; drawn from a generator split off `rng` at the start, so their number does
  ///     not change the embeddings.
  ///   - priorSampling: How the draws are made (`PriorSampling`).
  ///   - progress: Sees each epoch's report.
  /// - Throws: `CellReadingError` when the space's graphs cannot be used.
  /// - Complexity: O(epochs x poolSize); the pool's graphs are held in memory (about 350 bytes
  ///   per NAS-Bench-101 cell).
  public static func run(
    space: any SearchSpace, configuration: GraphVariationalAutoencoder.Configuration, priorSamples: Int,
    priorSampling: PriorSampling = .latentMoments, using rng: inout SeededGenerator, progress: (EpochReport) -> Void
  ) throws -> Result {
    let reader = try Arch2VecCellReading(space: space)
    var sampling = SeededGenerator(seed: rng.next())
    let graphs = (0..<space.poolSize).map(reader.sample(at:))
    let split = max(1, min(graphs.count - 1, graphs.count * 9 / 10))
    let training = Array(graphs[..<split])
    let held = graphs.count > 1 ? Array(graphs[split...]) : training
    let vocabulary = graphs[0].vocabularySize
    let model = GraphVariationalAutoencoder(vocabularySize: vocabulary, configuration: configuration, using: &rng)
    var reports: [EpochReport] = []
    var clock = ContinuousClock.now
    model.train(on: training, using: &rng) { summary in
      let moments = priorSampling == .latentMoments && priorSamples > 0 ? latentMoments(model: model, graphs: held, nodes: reader.nodeCount) : nil
      let (validity, uniqueness, edgeAgreement) = priorQuality(
        model: model, reader: reader, samples: priorSamples, moments: moments, using: &sampling)
      let elapsed = (ContinuousClock.now - clock).components
      let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
      let report = EpochReport(
        epoch: summary.epoch, loss: summary.meanLoss, reconstruction: model.reconstructionAccuracy(held), validity: validity,
        uniqueness: uniqueness, edgeAgreement: edgeAgreement, seconds: seconds)
      reports.append(report)
      progress(report)
      clock = ContinuousClock.now
      return .proceed
    }
    return Result(embeddings: model.encode(graphs).scalars, reports: reports)
  }

  /// Validity, uniqueness and fixed-edge agreement of `samples` graphs decoded from latent
  /// draws: N(0, I) per node, scaled and shifted by `moments` when given.
  static func priorQuality(
    model: GraphVariationalAutoencoder, reader: Arch2VecCellReading, samples: Int, moments: (mean: [Float], std: [Float])?,
    using rng: inout SeededGenerator
  ) -> (validity: Double, uniqueness: Double, edgeAgreement: Double) {
    guard samples > 0 else { return (0, 0, 0) }
    let nodes = reader.nodeCount
    let latent = model.configuration.latentSize
    let width = nodes * latent
    let draws = (0..<(samples * width)).map { position -> Float in
      let value = Float(rng.nextNormal())
      guard let moments else { return value }
      return value * moments.std[position % width] + moments.mean[position % width]
    }
    let decoded = model.decodeGraphs(Tensor(shape: [samples, nodes, latent], scalars: draws))
    let cells = decoded.compactMap(reader.poolIndex(of:))
    let validity = Double(cells.count) / Double(samples)
    let agreement = Double(decoded.filter(reader.edgesMatch).count) / Double(samples)
    return (validity, cells.isEmpty ? 0 : Double(Set(cells).count) / Double(cells.count), agreement)
  }

  /// Per node position and latent dimension, the mean and standard deviation of the latent
  /// means of `graphs` (padded positions included, as the source pads every cell to 7 nodes).
  static func latentMoments(model: GraphVariationalAutoencoder, graphs: [GraphSample], nodes: Int) -> (mean: [Float], std: [Float]) {
    let latent = model.configuration.latentSize
    var sums = [Double](repeating: 0, count: nodes * latent)
    var squares = sums
    var counts = [Double](repeating: 0, count: nodes)
    for start in stride(from: 0, to: graphs.count, by: 1024) {
      let chunk = Array(graphs[start..<min(start + 1024, graphs.count)])
      let mu = model.encodeNodes(chunk)
      let (batch, present) = (mu.shape[0], min(mu.shape[1], nodes))
      let values = mu.scalars
      for g in 0..<batch {
        for i in 0..<present {
          counts[i] += 1
          for d in 0..<latent {
            let value = Double(values[(g * mu.shape[1] + i) * latent + d])
            sums[i * latent + d] += value
            squares[i * latent + d] += value * value
          }
        }
      }
    }
    var mean = [Float](repeating: 0, count: nodes * latent)
    var std = [Float](repeating: 1, count: nodes * latent)
    for i in 0..<nodes where counts[i] > 1 {
      for d in 0..<latent {
        let m = sums[i * latent + d] / counts[i]
        let variance = max(0, (squares[i * latent + d] - counts[i] * m * m) / (counts[i] - 1))
        mean[i * latent + d] = Float(m)
        std[i * latent + d] = Float(variance.squareRoot())
      }
    }
    return (mean, std)
  }
}

/// How the pretraining report draws the latent points whose decoded graphs it judges.
public enum PriorSampling: String, Sendable, Hashable, CaseIterable {
  /// The source's (arch2vec's `pretraining_nasbench*.py`): N(0, I) per node scaled and shifted
  /// by the per-position mean and standard deviation of encoded latent means; here those of
  /// the held-out 10 % (the source: of the epoch's training batches).
  case latentMoments
  /// The prior itself, N(0, I) per node.
  case standardNormal
}

/// `value` with `digits` decimals.
private func fixed(_ value: Double, _ digits: Int) -> String {
  let scale = (0..<digits).reduce(1.0) { acc, _ in acc * 10 }
  let rounded = (value * scale).rounded() / scale
  var text = String(rounded)
  if let dot = text.firstIndex(of: ".") {
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
  } else if digits > 0 {
    text += "." + String(repeating: "0", count: digits)
  }
  return text
}
