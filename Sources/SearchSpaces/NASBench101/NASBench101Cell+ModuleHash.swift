/// The NAS-Bench-101 module hash (Ying et al., ICML 2019, "NAS-Bench-101: Towards
/// Reproducible Neural Architecture Search", https://arxiv.org/abs/1902.09635): the key of
/// the official dataset, equal for isomorphic cells.
///
/// Re-implemented from its description: each vertex starts with the MD5 of the text
/// `(<out-degree>, <in-degree>, <label>)` (labels: input -1, conv3x3 0, conv1x1 1, maxpool 2,
/// output -2); then, once per vertex, every vertex becomes the MD5 of its in-neighbours'
/// hashes sorted and concatenated, `|`, its out-neighbours' hashes likewise, `|`, its own
/// hash; the fingerprint is the MD5 of the sorted final hashes written as a Python list
/// (`['…', '…']`). All hashes are lowercase hex text.
extension NASBench101Cell {
  /// The module hash of this (pruned) cell as 32 hex ASCII bytes.
  ///
  /// - Complexity: O(V^2) MD5 computations of at most a few hundred bytes (V <= 7).
  func moduleHash() -> [UInt8] {
    let n = vertexCount
    var inDegree = [Int](repeating: 0, count: n)
    for i in 0..<n {
      for j in 0..<n where hasEdge(i, j) { inDegree[j] += 1 }
    }
    var hashes: [[UInt8]] = (0..<n).map { v in
      let label: Int
      switch labels[v] {
      case Self.inputLabel: label = -1
      case Self.outputLabel: label = -2
      default: label = Int(labels[v]) - 1
      }
      return MD5.hexDigest(of: Array("(\(successors[v].nonzeroBitCount), \(inDegree[v]), \(label))".utf8))
    }
    var message: [UInt8] = []
    message.reserveCapacity(2 * n * 32 + 40)
    for _ in 0..<n {
      var next: [[UInt8]] = []
      next.reserveCapacity(n)
      for v in 0..<n {
        message.removeAll(keepingCapacity: true)
        for neighbor in (0..<n).filter({ hasEdge($0, v) }).map({ hashes[$0] }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
          message += neighbor
        }
        message.append(UInt8(ascii: "|"))
        for neighbor in (0..<n).filter({ hasEdge(v, $0) }).map({ hashes[$0] }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
          message += neighbor
        }
        message.append(UInt8(ascii: "|"))
        message += hashes[v]
        next.append(MD5.hexDigest(of: message))
      }
      hashes = next
    }
    message.removeAll(keepingCapacity: true)
    message.append(UInt8(ascii: "["))
    for (position, hash) in hashes.sorted(by: { $0.lexicographicallyPrecedes($1) }).enumerated() {
      if position > 0 { message += Array(", ".utf8) }
      message.append(UInt8(ascii: "'"))
      message += hash
      message.append(UInt8(ascii: "'"))
    }
    message.append(UInt8(ascii: "]"))
    return MD5.hexDigest(of: message)
  }
}

/// A module hash as two 64-bit halves, ordered like its hex text.
public struct ModuleHashKey: Hashable, Comparable, Sendable {
  /// The first 16 hex digits.
  public let high: UInt64
  /// The last 16 hex digits.
  public let low: UInt64

  /// Parses 32 lowercase or uppercase hex digits, or returns `nil`.
  ///
  /// Inlinable so that callers in other modules (the pool and label loaders in `Benchmarks`,
  /// 453,625 calls per load) get a specialised copy: the generic entry point made loading the
  /// NAS-Bench-101 pool four times slower.
  @inlinable
  public init?<Bytes: Collection>(hex: Bytes) where Bytes.Element == UInt8 {
    guard hex.count == 32 else { return nil }
    var high: UInt64 = 0
    var low: UInt64 = 0
    for (position, byte) in hex.enumerated() {
      let value: UInt64
      switch byte {
      case 48...57: value = UInt64(byte - 48)
      case 97...102: value = UInt64(byte - 87)
      case 65...70: value = UInt64(byte - 55)
      default: return nil
      }
      if position < 16 { high = high << 4 | value } else { low = low << 4 | value }
    }
    self.high = high
    self.low = low
  }

  /// Creates a key from its two halves.
  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public static func < (lhs: ModuleHashKey, rhs: ModuleHashKey) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }

  /// The 32 lowercase hex digits.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    let text = (0..<32).map { position -> UInt8 in
      let word = position < 16 ? high : low
      return digits[Int((word >> UInt64(60 - 4 * (position % 16))) & 15)]
    }
    return String(decoding: text, as: UTF8.self)
  }
}
