import Foundation
import Models
import NeuralNetworks
import SearchSpaces

/// The data of the side-by-side benchmark as one JSON file, so the Python side reads exactly
/// the cells, inputs and labels `nasarena` trains on.
///
/// For every architecture of the domain, in domain order: `pool` (the pool index), `signal`
/// (the task's search signal), `onehot` (WeakNAS's encoding, `EncodingKind.oneHot`), `gcn`
/// (BRP-NAS's graph with its global node: `nodes`, `features` row-major `[nodes, labels + 1]`
/// and the symmetric-normalised adjacency `[nodes, nodes]`, as `GCNEncoder` reads them) and,
/// when the space has arch2vec graphs, `a2v` (`nodes`, the directed adjacency `[nodes, nodes]`
/// and the node types).
public enum SideBySideExport {
  /// Writes the export of `domain` with `signals` (one per domain index) to `path`.
  ///
  /// - Throws: errors of writing the file.
  public static func write(domain: Domain, task: String, signals: [Double], to path: String) throws {
    precondition(signals.count == domain.count, "SideBySideExport: \(signals.count) signals for \(domain.count) architectures")
    let encoded = EncodedDomain.shared(domain, as: .oneHot)
    let graphs = DomainGraphs.shared(domain)
    let reader = try? Arch2VecCellReading(space: domain.space)
    var text = "{\"task\":\"\(task)\",\"onehotWidth\":\(encoded.width),\"rows\":[\n"
    for (row, index) in domain.indices.enumerated() {
      let batch = GraphBatch(graphs.graphs(of: [index]), globalNode: true)
      let onehot = encoded.features(of: [index])
      text += "{\"pool\":\(index),\"signal\":\(signals[row]),\"onehot\":\(list(onehot))"
      text += ",\"gcn\":{\"nodes\":\(batch.nodeCount),\"features\":\(list(batch.features.scalars))"
      text += ",\"adjacency\":\(list(batch.symmetricNormalizedAdjacency().scalars))}"
      if let reader {
        let sample = reader.sample(at: index)
        text += ",\"a2v\":{\"nodes\":\(sample.nodeCount),\"adjacency\":\(list(sample.adjacency)),\"types\":\(sample.nodeOperations)"
        text += ",\"vocabulary\":\(sample.vocabularySize)}"
      }
      text += row + 1 < domain.count ? "},\n" : "}\n"
    }
    text += "]}\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  private static func list(_ values: [Float]) -> String {
    "[" + values.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ",") + "]"
  }
}
