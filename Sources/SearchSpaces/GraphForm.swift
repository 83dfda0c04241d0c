/// The ways a search space can draw an architecture as a graph with operations on nodes.
///
/// Graph models disagree on the drawing: BRP-NAS keeps only the nodes that compute, arch2vec
/// and DiffusionNAG keep a fixed node set in which every operation (even `none`) is a node
/// type. A space lists the forms it offers in `SearchSpace.graphForms`.
public enum GraphForm: String, Sendable, Hashable, Codable, CaseIterable {
  /// The BRP-NAS form (Dudziak et al., NeurIPS 2020): input, one node per operation that
  /// computes, output; `none` edges dropped and `skip` edges contracted; the node count
  /// varies. NAS-Bench-101 cells: the pruned cell. NAS-Bench-Graph: input, the 4 computing
  /// nodes, output (it has no `none`; its `skip` is an operation of the macro space and kept).
  case brpNAS = "brp-nas"
  /// The arch2vec form (Yan et al., NeurIPS 2020): a fixed node count and every operation a
  /// node type. NAS-Bench-201 / TransNAS: 8 nodes (input, the 6 edge operations as nodes,
  /// output), types input, each operation including `none`, output. NAS-Bench-101: 7 nodes,
  /// the pruned cell padded before its output with nodes of no type (label
  /// `CellGraph.paddingLabel`, no edges), 5 types. NAS-Bench-Graph: the same 6 nodes as
  /// `brpNAS`, which already keep every operation.
  case arch2vec = "arch2vec"
}
