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

  /// Whether `architecture` is invalid, a valid architecture the pool lacks, or (after
  /// canonicalisation) the pool architecture with some index. Each space documents its rules.
  func status(of architecture: Architecture) -> PoolStatus

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

  /// The graph forms this space can draw (`brpNAS` always).
  var graphForms: [GraphForm] { get }

  /// The architecture as a graph with operations on nodes, for graph neural networks.
  ///
  /// - Precondition: `architecture` is valid and `graphForms.contains(form)`.
  func graph(of architecture: Architecture, as form: GraphForm) -> CellGraph

  /// The architecture as a row of tokens, for generators that build cells position by
  /// position without knowing the space.
  var tokenLayout: TokenLayout { get }
}

extension SearchSpace {
  /// The pool index of `architecture` after canonicalisation, or `nil` when it is invalid
  /// or not in the pool (`status(of:)` tells the two apart).
  public func index(of architecture: Architecture) -> Int? {
    status(of: architecture).poolIndex
  }

  /// The architecture in the BRP-NAS graph form (what the GCN predictors use).
  ///
  /// - Precondition: `architecture` is valid.
  public func graph(of architecture: Architecture) -> CellGraph {
    graph(of: architecture, as: .brpNAS)
  }

  /// The feature vector length of `kind` (from encoding the first pool architecture).
  public func encodingLength(_ kind: EncodingKind) -> Int {
    encode(architecture(at: 0), as: kind).count
  }
}
