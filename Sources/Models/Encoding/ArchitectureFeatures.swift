/// Fixed-length input rows of architectures, read by pool index: an encoding of the domain
/// (`EncodedDomain`) or a label-free embedding of the pool (`EmbeddingFeatures`).
public protocol ArchitectureFeatures: Sendable {
  /// Values per architecture.
  var width: Int { get }
  /// The rows of `poolIndices`, `[poolIndices.count, width]` row-major.
  func features(of poolIndices: [Int]) -> [Float]
}

extension EncodedDomain: ArchitectureFeatures {}

/// A learned embedding of every pool architecture (e.g. arch2vec's latent means), one row per
/// pool index.
public struct EmbeddingFeatures: ArchitectureFeatures {
  /// Values per architecture.
  public let width: Int
  /// `poolSize x width` values, row by row in pool order.
  public let values: [Float]

  /// Rows of `width` values, one per pool index.
  ///
  /// - Precondition: `width > 0` and `values.count` is a multiple of it.
  public init(values: [Float], width: Int) {
    precondition(width > 0 && values.count % width == 0, "EmbeddingFeatures: \(values.count) values are not rows of \(width)")
    self.values = values
    self.width = width
  }

  /// The number of rows (the pool size).
  public var count: Int { values.count / width }

  public func features(of poolIndices: [Int]) -> [Float] {
    var result = [Float](repeating: 0, count: poolIndices.count * width)
    for (position, index) in poolIndices.enumerated() {
      for j in 0..<width { result[position * width + j] = values[index * width + j] }
    }
    return result
  }
}
