import Randomness
import Tensor

/// A lookup table of learned vectors, one per token (node operation, position, ...).
public final class Embedding: Layer {
  /// `[vocabularySize, dimension]`, initialised from N(0, 1).
  public let table: Parameter

  /// Creates a table of `vocabularySize` vectors of `dimension` values.
  public init(vocabularySize: Int, dimension: Int, name: String = "embedding", using rng: inout some RandomNumberGenerator) {
    table = Parameter(name: "\(name).table", value: Tensor(randomNormal: [vocabularySize, dimension], using: &rng))
  }

  public var parameters: [Parameter] { [table] }

  /// The vectors of `tokens`, shaped `shape + [dimension]` (default `[tokens.count, dimension]`).
  public func callAsFunction(_ tokens: [Int], shape: [Int]? = nil) -> Tensor {
    let rows = table.value.gathered(atIndices: tokens)
    return rows.reshaped((shape ?? [tokens.count]) + [table.shape[1]])
  }
}
