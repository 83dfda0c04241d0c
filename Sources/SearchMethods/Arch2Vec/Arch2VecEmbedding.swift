/// arch2vec's pretrained value: the embedding of every pool architecture (the mean over its
/// nodes of the VAE's latent mean), row-major, stored as one flat block.
public struct Arch2VecEmbedding: Codable, Sendable, Equatable {
  /// Values per architecture (the latent size).
  public var dimensions: Int
  /// Pool size.
  public var count: Int
  /// `count x dimensions` values, row by row in pool order.
  public var values: [Float]

  /// An embedding of `count` architectures.
  public init(dimensions: Int, count: Int, values: [Float]) {
    self.dimensions = dimensions
    self.count = count
    self.values = values
  }
}
