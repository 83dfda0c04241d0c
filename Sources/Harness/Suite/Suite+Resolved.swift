import ExternalMethods
import Foundation
import Randomness
import SearchMethods
import Yams

extension Suite {
  /// The suite with every default filled in, as YAML (written to `suite.yaml` of a run).
  ///
  /// Loading this text gives back an equal suite, which is how `run --resume` and `merge`
  /// read a run folder. Every string value is written double-quoted, so a label such as
  /// `null`, `~` or `yes` reads back as that string, never as a null or a boolean.
  public func resolvedYAML() throws -> String {
    try Yams.serialize(node: try resolvedNode(includeWorkers: true, quoted: true), sortKeys: false)
  }

  /// Stable hex hash of the resolved suite, without `workers` (parallelism does not change
  /// results); shards of one run share it.
  ///
  /// It hashes the values, not how `resolvedYAML()` quotes them, so run folders written
  /// before strings were quoted keep their hash.
  public func resolvedHash() throws -> String {
    let text = try Yams.serialize(node: try resolvedNode(includeWorkers: false, quoted: false), sortKeys: true)
    return String(StableHash.of(text), radix: 16)
  }

  /// Every value of the resolved suite (without `workers`) by key path, e.g.
  /// `budget.queries` -> `200`, `methods[0].label` -> `random-search`: recorded in the
  /// manifest so a resumed run can name what an edited `suite.yaml` changed.
  public func resolvedValues() throws -> [String: String] {
    var values: [String: String] = [:]
    func collect(_ node: Node, _ path: String) {
      switch node {
      case .scalar(let scalar): values[path] = scalar.string
      case .mapping(let mapping):
        for pair in mapping { collect(pair.value, path.isEmpty ? pair.key.string ?? "" : "\(path).\(pair.key.string ?? "")") }
      case .sequence(let sequence):
        for (index, element) in sequence.enumerated() { collect(element, "\(path)[\(index)]") }
      case .alias: break
      }
    }
    collect(try resolvedNode(includeWorkers: false, quoted: false), "")
    return values
  }

  private func resolvedNode(includeWorkers: Bool, quoted: Bool) throws -> Node {
    let text: (String) -> Node = { quoted ? Node($0, Tag(.implicit), .doubleQuoted) : Node($0) }
    let methodNodes = try methods.map { try methodNode($0, text: text, quoted: quoted) }
    var pairs: [(Node, Node)] = [
      ("name", text(name)),
      ("seed", Node(String(seed))),
      ("trials", Node(String(trials))),
      ("budget", budgetNode),
      ("duplicates", text(duplicates.rawValue)),
      ("tasks", Node(tasks.map { taskNode($0, text: text) })),
      ("methods", Node(methodNodes)),
    ]
    if includeWorkers { pairs.append(("workers", Node(String(workers)))) }
    pairs.append(("matmul", text(matmul)))
    pairs.append(("report", try jsonNode(report, quoted: quoted)))
    pairs.append(
      (
        "predictorQuality",
        Node([
          (Node("sizes"), Node(predictorQuality.sizes.map { Node(String($0)) }, Tag(.seq), .flow)),
          (Node("seeds"), Node(String(predictorQuality.seeds))),
          (Node("precisionAt"), Node(predictorQuality.precisionAt.map { Node(String($0)) }, Tag(.seq), .flow)),
        ])
      ))
    if let reproduction {
      let targets = reproduction.targets.map { target in
        Node([(Node("row"), text(target.row)), (Node("method"), text(target.method)), (Node("task"), text(target.task))])
      }
      pairs.append(
        (
          "reproduce",
          Node([
            (Node("tolerance"), Node(String(reproduction.tolerance))), (Node("baselines"), text(reproduction.baselines)),
            (Node("targets"), Node(targets)),
          ])
        ))
    }
    return Node(pairs)
  }

  /// A shipped task by name; a declared one as its mapping.
  private func taskNode(_ name: String, text: (String) -> Node) -> Node {
    guard let declaration = declaredTasks.first(where: { $0.name == name }) else { return text(name) }
    var pairs: [(Node, Node)] = [(Node("name"), text(declaration.name)), (Node("benchmark"), text(declaration.benchmark))]
    if let dataset = declaration.dataset { pairs.append((Node("dataset"), text(dataset))) }
    pairs += [(Node("signal"), text(declaration.signal)), (Node("report"), text(declaration.report))]
    if let cost = declaration.cost {
      pairs.append((Node("cost"), Node([(Node("column"), text(cost.column)), (Node("scale"), Node(String(cost.scale)))])))
    }
    return Node(pairs)
  }

  private var budgetNode: Node {
    switch budget {
    case .queries(let count): Node([(Node("queries"), Node(String(count)))])
    case .seconds(let seconds): Node([(Node("seconds"), Node(String(seconds)))])
    }
  }

  private func methodNode(_ spec: MethodSpec, text: (String) -> Node, quoted: Bool) throws -> Node {
    var pairs: [(Node, Node)] = [(Node("method"), text(spec.entry.name)), (Node("label"), text(spec.label))]
    if let launch = spec.launch {
      pairs.append((Node("command"), Node(launch.command.map(text), Tag(.seq), .flow)))
      pairs.append((Node("options"), try jsonNode(launch.options, quoted: quoted)))
    }
    pairs.append((Node("settings"), try jsonNode(EncodableSettings(spec.settings), quoted: quoted)))
    return Node(pairs)
  }

  /// Any encodable value as a YAML node, through key-sorted JSON (JSON is YAML); JSON strings
  /// stay double-quoted when `quoted`.
  private func jsonNode(_ value: any Encodable, quoted: Bool) throws -> Node {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard let node = try Yams.compose(yaml: json) else { return Node([(Node, Node)]()) }
    return Self.blockStyle(node, quoted: quoted)
  }

  /// Re-creates a node without JSON's flow style (and without its quoting unless `quoted`),
  /// so the YAML reads naturally.
  private static func blockStyle(_ node: Node, quoted: Bool) -> Node {
    switch node {
    case .scalar(let scalar):
      quoted && scalar.style == .doubleQuoted ? Node(scalar.string, Tag(.implicit), .doubleQuoted) : Node(scalar.string)
    case .mapping(let mapping): Node(mapping.map { (Node($0.key.string ?? ""), blockStyle($0.value, quoted: quoted)) })
    case .sequence(let sequence): Node(sequence.map { blockStyle($0, quoted: quoted) }, Tag(.seq), .flow)
    case .alias: node
    }
  }
}
