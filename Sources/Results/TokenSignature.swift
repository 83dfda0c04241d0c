/// How often each token occurs at each position of a space's token layout, over the whole
/// domain and over its best 1 %: the reference a generator's token counts are compared with.
///
/// Written in the task record (`tasks.json`) by the harness, which alone sees the labels, so
/// reports can compare what a method generated with the true high-performance architectures
/// from the log alone. The top 1 % are the domain architectures whose report metric reaches
/// `TaskRecord.topPercentReport` (ties included, so `topCount` can exceed 1 % of the domain).
/// NAS-Bench-101's connection positions are its edge bits, so their frequencies are edge
/// frequencies.
public struct TokenSignature: Hashable, Sendable, Codable {
  /// One position of the layout.
  public struct Position: Hashable, Sendable, Codable {
    /// Whether the position holds an operation or a connection (an edge).
    public enum Role: String, Hashable, Sendable, Codable {
      /// An operation (a vertex or an edge's operation).
      case operation
      /// A connection bit (NAS-Bench-101's edges).
      case connection
    }

    /// Readable name, e.g. `edge 0->1` or `vertex 3`.
    public var name: String
    /// What the position holds.
    public var role: Role
    /// Readable token names, indexed by token id.
    public var tokens: [String]

    /// Creates a position.
    public init(name: String, role: Role, tokens: [String]) {
      self.name = name
      self.role = role
      self.tokens = tokens
    }
  }

  /// The layout's positions, operations first.
  public var positions: [Position]
  /// Domain architectures counted (those with tokens: all of them in every space here).
  public var domainCount: Int
  /// Per position and token, how many domain architectures hold it: `[positions][tokens]`.
  public var domainCounts: [[Int]]
  /// Architectures in the top 1 % counted.
  public var topCount: Int
  /// Per position and token, how many top-1 % architectures hold it.
  public var topCounts: [[Int]]

  /// Creates a signature from its counts.
  ///
  /// - Precondition: both count matrices have one row per position and one entry per token.
  public init(positions: [Position], domainCount: Int, domainCounts: [[Int]], topCount: Int, topCounts: [[Int]]) {
    let shape = positions.map(\.tokens.count)
    precondition(domainCounts.map(\.count) == shape, "domain counts of shape \(domainCounts.map(\.count)) for positions of \(shape) tokens")
    precondition(topCounts.map(\.count) == shape, "top counts of shape \(topCounts.map(\.count)) for positions of \(shape) tokens")
    self.positions = positions
    self.domainCount = domainCount
    self.domainCounts = domainCounts
    self.topCount = topCount
    self.topCounts = topCounts
  }

  /// Token frequencies over the domain (each row sums to 1; zeros when nothing was counted).
  public var domainFrequencies: [[Double]] { Self.frequencies(domainCounts) }

  /// Token frequencies over the top 1 %.
  public var topFrequencies: [[Double]] { Self.frequencies(topCounts) }

  /// Whether `counts` (e.g. a generation record's token counts) has this layout's shape.
  public func matches(_ counts: [[Int]]) -> Bool {
    counts.map(\.count) == positions.map(\.tokens.count)
  }

  /// Each row of `counts` divided by its sum (a row of zeros stays zeros).
  ///
  /// - Complexity: O(total tokens).
  public static func frequencies(_ counts: [[Int]]) -> [[Double]] {
    counts.map { row in
      let total = row.reduce(0, +)
      return row.map { total == 0 ? 0 : Double($0) / Double(total) }
    }
  }
}
