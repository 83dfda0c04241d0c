/// An architecture as a fixed row of tokens, one small vocabulary per position.
///
/// What a generator needs to build cells without knowing the concrete space: the positions
/// (operations first, then the connection tokens where the topology varies), the vocabulary
/// of each, and the two directions `tokens(of:)` (architecture -> token ids) and
/// `architecture(from:)` (token ids -> architecture, possibly invalid: ask the space for its
/// `status(of:)`). Token `t` at a position stands for the architecture value `values[t]`, so
/// a position never offers a value the space cannot hold there (a NAS-Bench-101 input vertex
/// has one token, `input`).
///
/// The one-hot form concatenates a one-hot per position (`oneHotLength` values).
public struct TokenLayout: Hashable, Sendable {
  /// One position of the row.
  public struct Position: Hashable, Sendable {
    /// What the position holds.
    public enum Role: String, Hashable, Sendable {
      /// An entry of `Architecture.operations`.
      case operation
      /// An entry of `Architecture.connections`.
      case connection
    }

    /// A readable name, e.g. `edge 0->1` or `vertex 3`.
    public let name: String
    /// Whether the position holds an operation or a connection.
    public let role: Role
    /// The architecture value of each token, indexed by token id (at least one).
    public let values: [UInt8]
    /// A readable name of each token, aligned with `values`.
    public let valueNames: [String]

    /// Creates a position.
    ///
    /// - Precondition: `values` is not empty, has no duplicates and `valueNames` is aligned.
    public init(name: String, role: Role, values: [UInt8], valueNames: [String]) {
      precondition(!values.isEmpty && Set(values).count == values.count, "position \(name): values \(values) must be distinct and not empty")
      precondition(valueNames.count == values.count, "position \(name): \(valueNames.count) names for \(values.count) values")
      self.name = name
      self.role = role
      self.values = values
      self.valueNames = valueNames
    }

    /// Number of tokens at this position.
    public var vocabularySize: Int { values.count }
  }

  /// The positions that fill `Architecture.operations`, in order.
  public let operationPositions: [Position]
  /// The positions that fill `Architecture.connections`, in order (empty for a fixed
  /// topology).
  public let connectionPositions: [Position]

  /// Creates a layout.
  ///
  /// - Precondition: the positions' roles match the two lists.
  public init(operationPositions: [Position], connectionPositions: [Position]) {
    precondition(operationPositions.allSatisfy { $0.role == .operation }, "operation positions must have the operation role")
    precondition(connectionPositions.allSatisfy { $0.role == .connection }, "connection positions must have the connection role")
    self.operationPositions = operationPositions
    self.connectionPositions = connectionPositions
  }

  /// Every position: operations, then connections.
  public var positions: [Position] { operationPositions + connectionPositions }

  /// Number of positions.
  public var count: Int { operationPositions.count + connectionPositions.count }

  /// Length of the one-hot form: the sum of the vocabulary sizes.
  public var oneHotLength: Int { positions.reduce(0) { $0 + $1.vocabularySize } }

  /// The largest vocabulary of any position (the width of a padded `[positions, tokens]`
  /// score matrix).
  public var maximumVocabularySize: Int { positions.map(\.vocabularySize).max() ?? 0 }
}

// MARK: - Encoding and decoding

extension TokenLayout {
  /// The token ids of `architecture`, or `nil` when its arrays do not have this layout's
  /// lengths or a value has no token at its position.
  ///
  /// Encode the pool's canonical form (`SearchSpace.architecture(at:)`) to get a space's
  /// tokens; an unpruned NAS-Bench-101 cell is encoded as it is.
  ///
  /// - Complexity: O(count x vocabulary).
  public func tokens(of architecture: Architecture) -> [Int]? {
    guard architecture.operations.count == operationPositions.count,
      architecture.connections.count == connectionPositions.count
    else { return nil }
    var tokens: [Int] = []
    tokens.reserveCapacity(count)
    for (position, value) in zip(operationPositions, architecture.operations) {
      guard let token = position.values.firstIndex(of: value) else { return nil }
      tokens.append(token)
    }
    for (position, value) in zip(connectionPositions, architecture.connections) {
      guard let token = position.values.firstIndex(of: value) else { return nil }
      tokens.append(token)
    }
    return tokens
  }

  /// The architecture the token ids stand for, or `nil` when there are not `count` tokens or
  /// one is outside its position's vocabulary. The result may still be invalid in the space.
  ///
  /// - Complexity: O(count).
  public func architecture(from tokens: [Int]) -> Architecture? {
    guard tokens.count == count else { return nil }
    var operations: [UInt8] = []
    operations.reserveCapacity(operationPositions.count)
    var connections: [UInt8] = []
    connections.reserveCapacity(connectionPositions.count)
    for (offset, token) in tokens.enumerated() {
      let isOperation = offset < operationPositions.count
      let position = isOperation ? operationPositions[offset] : connectionPositions[offset - operationPositions.count]
      guard token >= 0 && token < position.vocabularySize else { return nil }
      if isOperation { operations.append(position.values[token]) } else { connections.append(position.values[token]) }
    }
    return Architecture(operations: operations, connections: connections)
  }

  /// The one-hot form of token ids: one block of `vocabularySize` values per position.
  ///
  /// - Precondition: `tokens` has `count` ids, each inside its position's vocabulary.
  /// - Complexity: O(oneHotLength).
  public func oneHot(_ tokens: [Int]) -> [Float] {
    var features = [Float](repeating: 0, count: oneHotLength)
    features.withUnsafeMutableBufferPointer { writeOneHot(tokens, into: $0) }
    return features
  }

  /// Writes the one-hot form of `tokens` into `buffer` (which it overwrites entirely).
  ///
  /// - Precondition: `buffer.count == oneHotLength`; tokens as for `oneHot(_:)`.
  public func writeOneHot(_ tokens: [Int], into buffer: UnsafeMutableBufferPointer<Float>) {
    precondition(buffer.count == oneHotLength, "one-hot buffer of \(buffer.count) values for a layout of \(oneHotLength)")
    precondition(tokens.count == count, "\(tokens.count) tokens for a layout of \(count) positions")
    buffer.update(repeating: 0)
    var offset = 0
    for (position, token) in zip(positions, tokens) {
      precondition(token >= 0 && token < position.vocabularySize, "token \(token) outside the vocabulary of \(position.name)")
      buffer[offset + token] = 1
      offset += position.vocabularySize
    }
  }

  /// The token ids with the highest score at each position, from `scores` laid out like the
  /// one-hot form (e.g. a generator's logits or probabilities); ties go to the lower id.
  ///
  /// - Precondition: `scores.count == oneHotLength`.
  /// - Complexity: O(oneHotLength).
  public func mostLikelyTokens(_ scores: [Float]) -> [Int] {
    precondition(scores.count == oneHotLength, "\(scores.count) scores for a layout of \(oneHotLength)")
    var tokens: [Int] = []
    tokens.reserveCapacity(count)
    var offset = 0
    for position in positions {
      var best = 0
      for token in 1..<max(1, position.vocabularySize) where scores[offset + token] > scores[offset + best] { best = token }
      tokens.append(best)
      offset += position.vocabularySize
    }
    return tokens
  }
}
