/// The values of a layer's parameters and buffers by name, to save a trained network (a cached
/// pretrained encoder) and load it into a freshly built one of the same shape.
///
/// Entries keep the layer's parameter and buffer order (lists, not dictionaries), so an
/// encoder with a fixed key order (`JSONEncoder` with `.sortedKeys`) gives the same bytes for
/// the same network and a content hash of them is stable. Loading matches entries to
/// the layer's parameters by name, checks that every name is present once and every shape
/// agrees, and only then writes; a mismatch throws `LayerStateError` and leaves the layer as
/// it was.
public struct LayerState: Codable, Sendable, Hashable {
  /// One named array of values with its shape.
  public struct Entry: Codable, Sendable, Hashable {
    /// The parameter's or buffer's name.
    public var name: String
    /// Its shape (`[count]` for a buffer).
    public var shape: [Int]
    /// Its values, row-major; `shape`'s product of them.
    public var values: [Float]

    /// An entry.
    public init(name: String, shape: [Int], values: [Float]) {
      self.name = name
      self.shape = shape
      self.values = values
    }
  }

  /// The trained parameters, in the layer's order.
  public var parameters: [Entry]
  /// The buffers (running statistics), in the layer's order.
  public var buffers: [Entry]

  /// A state from its entries.
  public init(parameters: [Entry], buffers: [Entry] = []) {
    self.parameters = parameters
    self.buffers = buffers
  }

  /// The current values of `layer`'s parameters and buffers.
  ///
  /// - Complexity: O(parameter count).
  public init(of layer: some Layer) {
    parameters = layer.parameters.map { Entry(name: $0.name, shape: $0.shape, values: $0.value.scalars) }
    buffers = layer.buffers.map { Entry(name: $0.name, shape: [$0.values.count], values: $0.values) }
  }
}

// MARK: - Loading

extension Layer {
  /// The current values of the parameters and buffers.
  public var state: LayerState { LayerState(of: self) }

  /// Overwrites every parameter and buffer with the value of the same name in `state`.
  ///
  /// - Throws: `LayerStateError` when a name is missing, unknown or repeated, or a shape or
  ///   value count disagrees; nothing is written then.
  public func load(_ state: LayerState) throws(LayerStateError) {
    let parameters = self.parameters
    let buffers = self.buffers
    let parameterValues = try Self.match(
      state.parameters, to: parameters.map { ($0.name, $0.shape) }, kind: .parameter)
    let bufferValues = try Self.match(state.buffers, to: buffers.map { ($0.name, [$0.values.count]) }, kind: .buffer)
    for (parameter, values) in zip(parameters, parameterValues) {
      parameter.value.withUnsafeMutableBufferPointer { target in
        for i in target.indices { target[i] = values[i] }
      }
      parameter.value.zeroGradient()
    }
    for (buffer, values) in zip(buffers, bufferValues) { buffer.values = values }
  }

  /// The values of `entries` in the order of `expected`, after checking names and shapes.
  private static func match(
    _ entries: [LayerState.Entry], to expected: [(name: String, shape: [Int])], kind: LayerStateError.Kind
  ) throws(LayerStateError) -> [[Float]] {
    var byName: [String: LayerState.Entry] = [:]
    for entry in entries {
      guard byName[entry.name] == nil else { throw .repeatedName(kind, name: entry.name) }
      guard entry.shape.allSatisfy({ $0 >= 0 }), entry.shape.reduce(1, *) == entry.values.count else {
        throw .valueCountMismatch(kind, name: entry.name, shape: entry.shape, count: entry.values.count)
      }
      byName[entry.name] = entry
    }
    let expectedNames = Set(expected.map(\.name))
    if let unknown = entries.first(where: { !expectedNames.contains($0.name) }) {
      throw .unknownName(kind, name: unknown.name, known: expected.map(\.name))
    }
    return try expected.map { (name, shape) throws(LayerStateError) in
      guard let entry = byName[name] else { throw .missingName(kind, name: name, shape: shape) }
      guard entry.shape == shape else { throw .shapeMismatch(kind, name: name, expected: shape, found: entry.shape) }
      return entry.values
    }
  }
}

/// Why a `LayerState` does not fit a layer.
public enum LayerStateError: Error, Equatable, CustomStringConvertible {
  /// Parameters or buffers.
  public enum Kind: String, Sendable, Equatable {
    case parameter
    case buffer
  }

  /// The layer has `name` (of `shape`), the state does not.
  case missingName(Kind, name: String, shape: [Int])
  /// The state has `name`, the layer (whose names are `known`) does not.
  case unknownName(Kind, name: String, known: [String])
  /// The state lists `name` twice.
  case repeatedName(Kind, name: String)
  /// The state's `name` has shape `found`, the layer's `expected`.
  case shapeMismatch(Kind, name: String, expected: [Int], found: [Int])
  /// The state's `name` has `count` values, not the product of its `shape`.
  case valueCountMismatch(Kind, name: String, shape: [Int], count: Int)

  public var description: String {
    switch self {
    case .missingName(let kind, let name, let shape):
      return "layer state: no \(kind.rawValue) '\(name)'; the layer needs it with shape \(shape)"
    case .unknownName(let kind, let name, let known):
      let listed = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", ... (\(known.count) in all)" : "")
      return "layer state: unknown \(kind.rawValue) '\(name)'; the layer has: \(known.isEmpty ? "none" : listed)"
    case .repeatedName(let kind, let name):
      return "layer state: \(kind.rawValue) '\(name)' appears twice; each name must appear once"
    case .shapeMismatch(let kind, let name, let expected, let found):
      return "layer state: \(kind.rawValue) '\(name)' has shape \(found); the layer expects \(expected)"
    case .valueCountMismatch(let kind, let name, let shape, let count):
      return "layer state: \(kind.rawValue) '\(name)' has \(count) values; its shape \(shape) needs \(shape.reduce(1, *))"
    }
  }
}
