/// The structure of every architecture in one search space, with no measured results.
///
/// A search space enumerates its **pool** (every architecture of the space, with a stable
/// integer index), canonicalises architectures (isomorphic NAS-Bench-101 cells are one
/// architecture), checks validity, samples, mutates, lists neighbourhoods and encodes
/// architectures for learned models. It never holds a metric: search methods receive a space,
/// and must not be able to read a label from it (PROTOCOL.md section 2).
public protocol SearchSpace: Sendable {
  /// Stable kebab-case name, e.g. `nas-bench-201`.
  var name: String { get }
  /// Number of architectures in the pool (the whole space, labelled or not).
  var poolSize: Int { get }
  /// Human-readable names of the operation labels, indexed by label.
  var operationNames: [String] { get }

  /// The architecture with pool index `index`, in its canonical form.
  ///
  /// - Precondition: `0 <= index < poolSize`.
  func architecture(at index: Int) -> Architecture

  /// The pool index of `architecture` after canonicalisation, or `nil` when it is invalid
  /// or not in the pool.
  func index(of architecture: Architecture) -> Int?

  /// The canonical key used in logs (NAS-Bench-201: the cell string; NAS-Bench-101: the
  /// official module hash).
  func key(at index: Int) -> String

  /// A uniformly random architecture of the pool.
  func randomArchitecture(using rng: inout some RandomNumberGenerator) -> Architecture

  /// A valid architecture one step away from `parent` (one operation or one connection
  /// changed), different from it, drawn uniformly among such changes.
  func mutate(_ parent: Architecture, using rng: inout some RandomNumberGenerator) -> Architecture

  /// Every valid pool architecture one step away from `architecture`, as pool indices,
  /// without duplicates, in a fixed order.
  func neighbors(of architecture: Architecture) -> [Int]

  /// The encodings this space provides.
  var encodings: [EncodingKind] { get }

  /// The fixed-length feature vector of `architecture` in the encoding `kind`.
  ///
  /// - Precondition: `encodings.contains(kind)`.
  func encode(_ architecture: Architecture, as kind: EncodingKind) -> [Float]

  /// The architecture as a graph with operations on nodes, for graph neural networks.
  func graph(of architecture: Architecture) -> CellGraph
}

extension SearchSpace {
  /// The feature vector length of `kind` (from encoding the first pool architecture).
  public func encodingLength(_ kind: EncodingKind) -> Int {
    encode(architecture(at: 0), as: kind).count
  }
}
