import Models
import Randomness
import SearchSpaces

/// The settings of arch2vec's label-free graph VAE, shared by every method that searches in
/// its latent space (`arch2vec-bo`, `arch2vec-rl`, `semi-assessor`); all of them are part of
/// the pretraining key, so methods with equal encoder settings share one pretraining.
public struct Arch2VecEncoderSettings: Sendable, Hashable {
  /// VAE training epochs (the source: 10 on NAS-Bench-201, 8 on NAS-Bench-101).
  public var epochs = 10
  /// Width of the GIN layers.
  public var hiddenSize = 128
  /// Latent width per node, the embedding size.
  public var latentSize = 16
  /// Graphs decoded from latent draws per epoch for the validity and uniqueness report.
  public var priorSamples = 1000
  /// How those draws are made (the source's moment-matched Gaussian by default).
  public var priorSampling = PriorSampling.latentMoments
  /// Which decoded adjacency entries the reconstruction loss reads (see
  /// `GraphVariationalAutoencoder.AdjacencyLoss`).
  public var adjacencyLoss = GraphVariationalAutoencoder.AdjacencyLoss.symmetric

  /// The source's defaults.
  public init() {}

  /// The pretraining key text.
  public var key: String {
    // The symmetric loss keeps the key it had before the setting existed, so its caches stay valid.
    let base = "epochs=\(epochs) hidden=\(hiddenSize) latent=\(latentSize)"
    return adjacencyLoss == .symmetric ? base : base + " adjacencyLoss=\(adjacencyLoss.rawValue)"
  }

  /// The source's VAE with these shape and epochs.
  var autoencoderConfiguration: GraphVariationalAutoencoder.Configuration {
    var configuration = GraphVariationalAutoencoder.Configuration()
    configuration.epochs = epochs
    configuration.hiddenSize = hiddenSize
    configuration.latentSize = latentSize
    configuration.adjacencyLoss = adjacencyLoss
    return configuration
  }

  /// Trains the VAE on `space`'s pool and returns the embedding of every pool architecture.
  func pretrain(space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void) throws -> Arch2VecEmbedding {
    let result = try Arch2VecPretraining.run(
      space: space, configuration: autoencoderConfiguration, priorSamples: priorSamples, priorSampling: priorSampling,
      using: &rng
    ) { progress($0.line) }
    return Arch2VecEmbedding(dimensions: latentSize, count: space.poolSize, values: result.embeddings)
  }

  /// Throws unless `embedding` is one of `space`'s pool with these settings' width.
  func requireMatching(_ embedding: Arch2VecEmbedding, space: any SearchSpace, method: String) throws {
    guard embedding.count == space.poolSize, embedding.dimensions == latentSize,
      embedding.values.count == embedding.count * embedding.dimensions
    else {
      throw PretrainingError.wrongValue(method: method, found: "an embedding of \(embedding.count) x \(embedding.dimensions)")
    }
  }

  /// Refuses spaces whose arch2vec graphs cannot be decoded back to cells (NAS-Bench-Graph).
  static func check(space: any SearchSpace) throws {
    do {
      _ = try Arch2VecCellReading(space: space)
    } catch let error as CellReadingError {
      throw MethodSettingsError.invalidValue(key: "space", value: space.name, expected: "a space arch2vec can pretrain on: \(error)", path: [])
    }
  }

  /// The suite keys of these settings for a method whose settings hold them at `path`.
  static func schema<S: MethodSettings>(_ path: WritableKeyPath<S, Arch2VecEncoderSettings>) -> [Setting<S>] {
    [
      Setting(
        path.appending(path: \.epochs), "epochs", "VAE pretraining epochs (8 on NAS-Bench-101); changes the pretraining", in: 1...1000, quick: 1),
      Setting(path.appending(path: \.hiddenSize), "hiddenSize", "width of the VAE's GIN layers; changes the pretraining", in: 1...4096, quick: 32),
      Setting(
        path.appending(path: \.latentSize), "latentSize", "latent width per node (the embedding size); changes the pretraining", in: 1...512,
        quick: 8),
      Setting(
        path.appending(path: \.priorSamples), "priorSamples", "graphs decoded from latent draws each epoch for the validity and uniqueness report",
        in: 0...1_000_000, quick: 50, sameTrajectory: "only the pretraining report reads them, from a generator of their own"),
      Setting(
        path.appending(path: \.priorSampling), "priorSampling",
        "latent draws of that report: latentMoments (the source's: N(0, I) scaled by the encoded latents' per-position mean and std) or standardNormal",
        sameTrajectory: "only the pretraining report reads them"),
      Setting(
        path.appending(path: \.adjacencyLoss), "adjacencyLoss",
        "adjacency reconstruction loss: symmetric (every entry against A + Aᵀ, diagonal included; NASArena's form so far) or upperTriangle (the source's); changes the pretraining"
      ),
    ]
  }
}

/// Settings that hold arch2vec's encoder settings.
public protocol Arch2VecEncoded: MethodSettings {
  /// The VAE's settings.
  var encoder: Arch2VecEncoderSettings { get }
}

/// A method that searches in the latent space of arch2vec's VAE: its pretraining is the VAE's,
/// under the family `arch2vec`, so every such method with equal encoder settings shares one
/// pretrained value per space and seed.
public protocol Arch2VecSearching: Pretrainable where Pretrained == Arch2VecEmbedding, Settings: Arch2VecEncoded {}

extension Arch2VecSearching {
  /// `arch2vec`: shared by every method on the VAE.
  public static var pretrainingFamily: String { "arch2vec" }

  /// The encoder settings' key.
  public static func pretrainingKey(settings: Settings) -> String { settings.encoder.key }

  /// Trains arch2vec's VAE on the pool (label-free).
  public static func pretrain(
    settings: Settings, space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void
  ) throws -> Arch2VecEmbedding {
    try settings.encoder.pretrain(space: space, using: &rng, progress: progress)
  }

  /// Refuses spaces whose arch2vec graphs cannot be decoded back to cells (NAS-Bench-Graph).
  public static func check(_ settings: Settings, against space: any SearchSpace) throws {
    try Arch2VecEncoderSettings.check(space: space)
  }
}
