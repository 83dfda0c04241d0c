import Randomness
import SearchMethods
import SearchSpaces

/// A pretrainable method for tests of the pretraining seam: it embeds every pool architecture
/// without labels (a seeded Gaussian random projection of its first encoding, `dimensions`
/// values each, so 423,624 NAS-Bench-101 cells take 13.6 MB at 8 dimensions), then, after the
/// shared initial design, queries the unqueried domain architectures nearest in embedding to
/// the best one observed so far.
public struct PoolEmbeddingWalk: Pretrainable {
  /// The embedding of the whole pool, row-major (`poolSize` x `dimensions`).
  public struct Embedding: Codable, Sendable, Equatable {
    /// Values per architecture.
    public var dimensions: Int
    /// Pool size.
    public var count: Int
    /// The embeddings, row by row in pool order.
    public var values: [Float]
  }

  /// The fixture's settings.
  public struct Settings: MethodSettings {
    /// Embedding size (part of the pretraining key).
    public var dimensions = 8
    /// Architectures from the shared initial design (not part of the key).
    public var initialSize = 10
    /// Architectures per step (not part of the key).
    public var batchSize = 10
    public init() {}
    public static var schema: [Setting<Self>] {
      [
        Setting(\.dimensions, "dimensions", "embedding size; changes the pretraining", in: 1...64),
        Setting(\.initialSize, "initialSize", "initial-design architectures", in: 1...100_000),
        Setting(\.batchSize, "batchSize", "architectures per step", in: 1...100_000),
      ]
    }
  }

  public static let name = "pool-embedding-walk"
  public static let abstract = "Test fixture: label-free random-projection embedding of the pool, then a nearest-neighbour walk."

  public static func pretrainingKey(settings: Settings) -> String { "dimensions=\(settings.dimensions)" }

  public static func pretrain(
    settings: Settings, space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void
  ) throws -> Embedding {
    guard let encoding = space.encodings.first else { throw PretrainingError.notPretrained(method: name) }
    let length = space.encodingLength(encoding)
    let dimensions = settings.dimensions
    var projection = [Float](repeating: 0, count: length * dimensions)
    for index in projection.indices { projection[index] = Float(rng.nextNormal()) }
    var values = [Float](repeating: 0, count: space.poolSize * dimensions)
    let chunk = max(1, space.poolSize / 4)
    for index in 0..<space.poolSize {
      let features = space.encode(space.architecture(at: index), as: encoding)
      for (feature, value) in features.enumerated() where value != 0 {
        for dimension in 0..<dimensions { values[index * dimensions + dimension] += value * projection[feature * dimensions + dimension] }
      }
      if (index + 1) % chunk == 0 || index + 1 == space.poolSize { progress("embedded \(index + 1) of \(space.poolSize) architectures") }
    }
    return Embedding(dimensions: dimensions, count: space.poolSize, values: values)
  }

  private let settings: Settings
  private let domain: Domain
  private let embedding: Embedding
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private var started = false

  public init(settings: Settings, context: SearchContext, pretrained: Embedding) throws {
    guard pretrained.count == context.space.poolSize, pretrained.dimensions == settings.dimensions else {
      throw PretrainingError.wrongValue(method: Self.name, found: "an embedding of \(pretrained.count) x \(pretrained.dimensions)")
    }
    self.settings = settings
    self.domain = context.domain
    self.embedding = pretrained
    self.design = context.initialDesign
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard let best = memory.best?.poolIndex else { return design.proposals(min(count, settings.batchSize)) }
    let candidates = domain.indices.filter { !memory.contains($0) }
    let distances = candidates.map { distance(best, $0) }
    let nearest = candidates.indices.sorted { (distances[$0], candidates[$0]) < (distances[$1], candidates[$1]) }
    return nearest.prefix(min(count, settings.batchSize)).map { Proposal.poolIndex(candidates[$0]) }
  }

  public mutating func tell(_ observations: [Observation]) throws {
    memory.record(observations)
  }

  private func distance(_ first: Int, _ second: Int) -> Float {
    let d = embedding.dimensions
    var sum: Float = 0
    for dimension in 0..<d {
      let difference = embedding.values[first * d + dimension] - embedding.values[second * d + dimension]
      sum += difference * difference
    }
    return sum
  }
}
