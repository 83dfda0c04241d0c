import SearchMethods
import SearchSpaces

/// The version of the plugin protocol this harness speaks (docs/PLUGINS.md).
public enum PluginProtocol {
  /// Sent in `hello`; a plugin that does not know it answers `error`.
  public static let version = 1
  /// How many pool indices of the trial's shared initial design `hello` carries at most.
  public static let initialDesignLength = 1000
}

/// The `hello` message: the trial, the options and the space, never a label.
struct HelloMessage: Encodable {
  let method: String
  let trial: Int
  let seed: UInt64
  let options: JSONValue
  let space: SpaceDescription
  let initialDesign: [Int]

  private enum CodingKeys: String, CodingKey { case type, `protocol`, method, trial, seed, options, space, initialDesign }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("hello", forKey: .type)
    try container.encode(PluginProtocol.version, forKey: .protocol)
    try container.encode(method, forKey: .method)
    try container.encode(trial, forKey: .trial)
    try container.encode(seed, forKey: .seed)
    try container.encode(options, forKey: .options)
    try container.encode(space, forKey: .space)
    try container.encode(initialDesign, forKey: .initialDesign)
  }
}

/// What `hello` tells a plugin about the search space: its token layout and the domain as pool
/// indices with their token rows (and features, when the suite asks for an encoding).
struct SpaceDescription: Encodable {
  struct Position: Encodable {
    let name: String
    let role: String
    let values: [Int]
    let valueNames: [String]
  }

  let name: String
  let poolSize: Int
  let positions: [Position]
  let domain: [Int]
  let tokens: [[Int]]
  let encoding: EncodingKind?
  let features: [[Float]]?

  init(domain: Domain, encoding: EncodingKind?) {
    let space = domain.space
    let layout = space.tokenLayout
    name = space.name
    poolSize = space.poolSize
    positions = layout.positions.map { position in
      Position(name: position.name, role: position.role.rawValue, values: position.values.map(Int.init), valueNames: position.valueNames)
    }
    self.domain = domain.indices
    tokens = domain.indices.map { layout.tokens(of: space.architecture(at: $0)) ?? [] }
    self.encoding = encoding
    features = encoding.map { kind in domain.indices.map { space.encode(space.architecture(at: $0), as: kind) } }
  }

  private enum CodingKeys: String, CodingKey { case name, poolSize, domainSize, positions, domain, tokens, encoding, features }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(poolSize, forKey: .poolSize)
    try container.encode(domain.count, forKey: .domainSize)
    try container.encode(positions, forKey: .positions)
    try container.encode(domain, forKey: .domain)
    try container.encode(tokens, forKey: .tokens)
    if let encoding { try container.encode(encoding.rawValue, forKey: .encoding) } else { try container.encodeNil(forKey: .encoding) }
    if let features { try container.encode(features, forKey: .features) } else { try container.encodeNil(forKey: .features) }
  }
}

/// The `ask` message.
struct AskMessage: Encodable {
  let type = "ask"
  let step: Int
  let count: Int
}

/// The `tell` message: one observation per proposal of the last `proposals`.
struct TellMessage: Encodable {
  struct Item: Encodable {
    let outcome: String
    let index: Int?
    let signal: Double?
    let cost: Double?
    let reason: String?

    init(_ observation: Observation) {
      index = observation.poolIndex
      switch observation.outcome {
      case .evaluated(let signal, let cost):
        (outcome, self.signal, self.cost, reason) = ("evaluated", signal, cost, nil)
      case .repeated(let signal):
        (outcome, self.signal, cost, reason) = ("repeated", signal, nil, nil)
      case .refused(let refusal):
        (outcome, signal, cost, reason) = ("refused", nil, nil, refusal.protocolName)
      case .notEvaluated:
        (outcome, signal, cost, reason) = ("not-evaluated", nil, nil, nil)
      }
    }

    private enum CodingKeys: String, CodingKey { case outcome, index, signal, cost, reason }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(outcome, forKey: .outcome)
      if let index { try container.encode(index, forKey: .index) } else { try container.encodeNil(forKey: .index) }
      try container.encodeIfPresent(signal, forKey: .signal)
      try container.encodeIfPresent(cost, forKey: .cost)
      try container.encodeIfPresent(reason, forKey: .reason)
    }
  }

  let type = "tell"
  let step: Int
  let observations: [Item]
}

extension Observation.Refusal {
  /// The refusal's name in the plugin protocol.
  var protocolName: String {
    switch self {
    case .invalid: "invalid"
    case .notInPool: "not-in-pool"
    case .outsideDomain: "outside-domain"
    }
  }
}
