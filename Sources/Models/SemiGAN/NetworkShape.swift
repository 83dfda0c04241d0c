/// The sizes of the three networks of `SemiGANModel`.
public struct NetworkShape: Sendable, Hashable, Codable {
  /// Width of every position's vector inside the transformers.
  public var modelSize = 32
  /// Attention heads per block; divides `modelSize`.
  public var heads = 4
  /// Encoder blocks of the predictor and the discriminator.
  public var layers = 2
  /// Encoder blocks of the generator.
  public var generatorLayers = 2
  /// Hidden width of each block's feed-forward network.
  public var feedForwardSize = 64
  /// Length of the generator's noise vector z.
  public var noiseSize = 16
  /// Dropout inside the predictor's and discriminator's blocks.
  public var dropout: Float = 0

  /// The defaults.
  public init() {}
}
