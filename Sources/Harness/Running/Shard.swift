/// A deterministic slice of a suite's (task, method, trial) cells: every N-th cell from i.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
  /// This shard's number, from 0.
  public let index: Int
  /// Number of shards.
  public let count: Int

  /// Parses `i/N`.
  ///
  /// - Throws: `RunError.invalidShard` unless 0 <= i < N.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
      throw RunError.invalidShard(text)
    }
    self.index = index
    self.count = count
  }

  /// Whether the cell at position `position` of the suite's cell list belongs to this shard.
  public func contains(position: Int) -> Bool { position % count == index }

  /// `i/N`.
  public var description: String { "\(index)/\(count)" }
}
