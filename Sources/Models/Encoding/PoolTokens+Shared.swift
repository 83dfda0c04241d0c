import SearchSpaces

extension PoolTokens {
  private static let cache = SharedCache<PoolTokens>()

  /// The token rows of `space`'s pool, built once per process and shared read-only across
  /// trials (NAS-Bench-101: 423,624 x 28 bytes).
  public static func shared(_ space: any SearchSpace) -> PoolTokens {
    cache.value(for: "\(space.name)|\(space.poolSize)|tokens") { PoolTokens(space) }
  }
}
