import Foundation
import Randomness
import SearchMethods
import Yams

extension Suite {
  /// The suite with every default filled in, as YAML (written to `suite.yaml` of a run).
  ///
  /// Loading this text gives back an equal suite, which is how `run --resume` and `merge`
  /// read a run folder.
  public func resolvedYAML() throws -> String {
    try Yams.serialize(node: try resolvedNode(includeWorkers: true), sortKeys: false)
  }

  /// Stable hex hash of the resolved suite, without `workers` (parallelism does not change
  /// results); shards of one run share it.
  public func resolvedHash() throws -> String {
    let text = try Yams.serialize(node: try resolvedNode(includeWorkers: false), sortKeys: true)
    return String(StableHash.of(text), radix: 16)
  }

  private func resolvedNode(includeWorkers: Bool) throws -> Node {
    let methodNodes = try methods.map { try methodNode($0) }
    var pairs: [(Node, Node)] = [
      ("name", Node(name)),
      ("seed", Node(String(seed))),
      ("trials", Node(String(trials))),
      ("budget", budgetNode),
      ("duplicates", Node(duplicates.rawValue)),
      ("tasks", Node(tasks.map { Node($0) })),
      ("methods", Node(methodNodes)),
    ]
    if includeWorkers { pairs.append(("workers", Node(String(workers)))) }
    pairs.append(("matmul", Node(matmul)))
    pairs.append(("report", try jsonNode(report)))
    pairs.append(("predictorQuality", Node([
      (Node("sizes"), Node(predictorQuality.sizes.map { Node(String($0)) }, Tag(.seq), .flow)),
      (Node("seeds"), Node(String(predictorQuality.seeds))),
      (Node("precisionAt"), Node(predictorQuality.precisionAt.map { Node(String($0)) }, Tag(.seq), .flow)),
    ])))
    return Node(pairs)
  }

  private var budgetNode: Node {
    switch budget {
    case .queries(let count): Node([(Node("queries"), Node(String(count)))])
    case .seconds(let seconds): Node([(Node("seconds"), Node(String(seconds)))])
    }
  }

  private func methodNode(_ spec: MethodSpec) throws -> Node {
    Node([
      (Node("method"), Node(spec.entry.name)),
      (Node("label"), Node(spec.label)),
      (Node("settings"), try jsonNode(EncodableSettings(spec.settings))),
    ])
  }

  /// Any encodable value as a YAML node, through key-sorted JSON (JSON is YAML).
  private func jsonNode(_ value: any Encodable) throws -> Node {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard let node = try Yams.compose(yaml: json) else { return Node([(Node, Node)]()) }
    return Self.blockStyle(node)
  }

  /// Re-creates a node without JSON's flow style and quoting, so the YAML reads naturally.
  private static func blockStyle(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar): Node(scalar.string)
    case .mapping(let mapping): Node(mapping.map { (Node($0.key.string ?? ""), blockStyle($0.value)) })
    case .sequence(let sequence): Node(sequence.map(blockStyle), Tag(.seq), .flow)
    case .alias: node
    }
  }
}
