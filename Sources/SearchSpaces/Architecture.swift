/// One architecture of a search space, as a plain value.
///
/// The meaning of the two arrays belongs to the search space that made the value (see each
/// space's documentation): `operations` holds one operation label per position (an edge of a
/// NAS-Bench-201 cell, a vertex of a NAS-Bench-101 cell, a node of a NAS-Bench-Graph
/// architecture) and `connections` holds the variable topology (the upper-triangular adjacency
/// bits of a NAS-Bench-101 cell, the input node of each NAS-Bench-Graph node; empty for spaces
/// with a fixed topology). A value may be invalid or outside the table; the space decides
/// (`SearchSpace.status(of:)`).
public struct Architecture: Hashable, Sendable, Codable, CustomStringConvertible {
  /// One operation label per position, as small integers defined by the space.
  public var operations: [UInt8]
  /// The variable part of the topology, defined by the space; empty for a fixed topology.
  public var connections: [UInt8]

  /// Creates an architecture from its operation labels and topology.
  public init(operations: [UInt8], connections: [UInt8] = []) {
    self.operations = operations
    self.connections = connections
  }

  /// A compact text form for logs and error messages, e.g. `ops 421211`.
  public var description: String {
    let ops = operations.map(String.init).joined()
    return connections.isEmpty ? "ops \(ops)" : "ops \(ops) conn \(connections.map(String.init).joined())"
  }
}
