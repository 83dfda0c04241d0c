import SearchSpaces

/// Every architecture of a domain in one fixed-length encoding, as one contiguous matrix.
///
/// Predictors that score the whole domain each round (WeakNAS predicts all 15,625 NAS-Bench-201
/// cells ten architectures at a time) read their inputs from here instead of encoding
/// architecture by architecture. `shared(_:as:)` builds the matrix once per process for a
/// (space, domain, encoding) and hands the same read-only value to every trial.
public struct EncodedDomain: Sendable {
  /// The encoding of the rows.
  public let kind: EncodingKind
  /// Values per architecture.
  public let width: Int
  /// Which pool index each row holds.
  public let rows: DomainRows
  /// `[rows.count, width]`, row-major.
  public let values: [Float]
  private let space: any SearchSpace

  /// Encodes every architecture of `domain`.
  ///
  /// - Precondition: `domain.space.encodings.contains(kind)`.
  /// - Complexity: O(domain size x encoding cost).
  public init(_ domain: Domain, as kind: EncodingKind) {
    precondition(domain.space.encodings.contains(kind), "EncodedDomain: \(domain.space.name) has no \(kind.rawValue) encoding")
    let space = domain.space
    let rows = DomainRows(domain)
    let width = space.encodingLength(kind)
    var values: [Float] = []
    values.reserveCapacity(rows.count * width)
    for index in rows.poolIndices { values += space.encode(space.architecture(at: index), as: kind) }
    self.kind = kind
    self.width = width
    self.rows = rows
    self.values = values
    self.space = space
  }

  private static let cache = SharedCache<EncodedDomain>()

  /// The encoded domain, built once per process and shared read-only across trials.
  ///
  /// - Precondition: `domain.space.encodings.contains(kind)`.
  public static func shared(_ domain: Domain, as kind: EncodingKind) -> EncodedDomain {
    let key = DomainRows(domain).cacheKey + "|" + kind.rawValue
    return cache.value(for: key) { EncodedDomain(domain, as: kind) }
  }

  /// The features of `poolIndices`, `[poolIndices.count, width]` row-major; architectures
  /// outside the domain are encoded on the fly.
  public func features(of poolIndices: [Int]) -> [Float] {
    var result = [Float](repeating: 0, count: poolIndices.count * width)
    result.withUnsafeMutableBufferPointer { target in
      values.withUnsafeBufferPointer { source in
        for (position, index) in poolIndices.enumerated() {
          let base = position * width
          if let row = rows.row(of: index) {
            for j in 0..<width { target[base + j] = source[row * width + j] }
          } else {
            let encoded = space.encode(space.architecture(at: index), as: kind)
            for j in 0..<width { target[base + j] = encoded[j] }
          }
        }
      }
    }
    return result
  }
}
