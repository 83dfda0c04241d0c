/// The fixed-length encodings a search space can provide for learned models.
public enum EncodingKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// One-hot operations per position (NAS-Bench-201: 6 edges x 5 ops = 30 values) plus, for
  /// spaces with a variable topology, the adjacency bits (NAS-Bench-101: the 45-value sequence
  /// encoding of WeakNAS, per column 1..6 the upper-triangular entries and a 4-way op one-hot).
  case oneHot = "one-hot"
  /// Path encoding (White et al., BANANAS): one indicator per possible input-to-output path of
  /// operations.
  case path = "path"
}
