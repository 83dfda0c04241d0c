/// Distinct strings, each stored once and named by a small integer: the task names, method
/// labels and architecture keys of a query table.
///
/// A large log repeats a handful of task and method names and, per task, at most one key per
/// architecture of the pool over and over; keeping one `String` per distinct value and an
/// `Int32` per row is what lets a table of a million queries stay small. Strings are looked up
/// by their UTF-8 bytes, so a reader can intern a field straight from the line it is reading,
/// without building a `String` first.
struct StringPool: Sendable {
  /// The strings, by id.
  private(set) var strings: [String] = []
  /// The UTF-8 bytes of every string, one after another, for comparing lookups.
  private var bytes: [UInt8] = []
  /// Where each string's bytes start in `bytes` (one more entry than `strings`).
  private var starts: [Int] = [0]
  /// Open-addressing hash table, a power of two in size: per slot the high 32 bits of the
  /// string's hash and its id plus one in the low 32 (0: an empty slot), so that a lookup
  /// compares bytes only with strings of the same hash.
  private var slots = [UInt64](repeating: 0, count: 64)
  /// Per namespace (`hintNamespaces`), the string last looked up under each hint.
  private var hintTables: [[Hint]] = []
  private var hintNamespaces: [Int32] = []
  /// Hints at or above this are not kept (a table of this many ids per namespace at most).
  private static let hintLimit = 1 << 22

  /// A string a hint names: its id and where its bytes are, so that confirming it reads
  /// nothing else of the pool.
  private struct Hint {
    var id: Int32 = -1
    var count: Int32 = 0
    var start = 0
  }

  /// The string with id `id`.
  subscript(id: Int32) -> String { strings[Int(id)] }

  /// The id of the string whose UTF-8 encoding is `utf8`, added to the pool if it is new.
  ///
  /// - Complexity: O(`utf8.count`) on average.
  mutating func id(ofUTF8 utf8: UnsafeRawBufferPointer) -> Int32 {
    let hash = Self.hash(utf8)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      let id = Int(stored & 0xFFFF_FFFF) - 1
      if stored & 0xFFFF_FFFF_0000_0000 == tag && matches(id, utf8) { return Int32(id) }
      slot = (slot + 1) & mask
    }
    let id = Int32(strings.count)
    strings.append(String(decoding: utf8, as: UTF8.self))
    bytes.append(contentsOf: utf8)
    starts.append(bytes.count)
    slots[slot] = tag | UInt64(id + 1)
    if strings.count * 2 > slots.count { grow() }
    return id
  }

  /// The id of the string whose UTF-8 encoding is `utf8`, as `id(ofUTF8:)` gives it, first
  /// compared with the string last looked up under the same `hint` in `namespace`.
  ///
  /// A log's key comes with its architecture's pool index, and within a task the index names
  /// one key: looking the id up by (task, index) and confirming it with one comparison of bytes
  /// skips the hash and the probe of the table of all keys, which are too many for the cache.
  /// A string that differs from the hinted one (an index that names another key) is looked up
  /// as usual and becomes the hint's.
  ///
  /// - Complexity: O(`utf8.count`) on average.
  mutating func id(ofUTF8 utf8: UnsafeRawBufferPointer, hint: Int, namespace: Int32) -> Int32 {
    guard hint >= 0, hint < Self.hintLimit else { return id(ofUTF8: utf8) }
    var table = 0
    while table < hintNamespaces.count && hintNamespaces[table] != namespace { table += 1 }
    if table == hintNamespaces.count {
      hintNamespaces.append(namespace)
      hintTables.append([])
    }
    if hint < hintTables[table].count {
      let candidate = hintTables[table][hint]
      if candidate.id >= 0 && matches(start: candidate.start, count: Int(candidate.count), utf8) { return candidate.id }
    } else {
      let size = min(Self.hintLimit, max(hint + 1, 2 * hintTables[table].count, 1024))
      hintTables[table] += repeatElement(Hint(), count: size - hintTables[table].count)
    }
    let id = id(ofUTF8: utf8)
    hintTables[table][hint] = Hint(id: id, count: Int32(clamping: utf8.count), start: starts[Int(id)])
    return id
  }

  /// The id of `string`, added to the pool if it is new.
  mutating func id(of string: String) -> Int32 {
    var string = string
    return string.withUTF8 { id(ofUTF8: UnsafeRawBufferPointer($0)) }
  }

  private func matches(_ id: Int, _ utf8: UnsafeRawBufferPointer) -> Bool {
    matches(start: starts[id], count: starts[id + 1] - starts[id], utf8)
  }

  /// Whether the `count` bytes at `start` in `bytes` are `utf8`.
  private func matches(start: Int, count: Int, _ utf8: UnsafeRawBufferPointer) -> Bool {
    guard count == utf8.count else { return false }
    return bytes.withUnsafeBytes { stored in
      var offset = 0
      while count - offset >= 8 {
        let mine = stored.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
        guard mine == utf8.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
        offset += 8
      }
      while offset < count {
        guard stored[start + offset] == utf8[offset] else { return false }
        offset += 1
      }
      return true
    }
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for id in strings.indices {
      let hash = bytes.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) }
      var slot = Int(truncatingIfNeeded: hash) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
    }
    slots = larger
  }

  /// A 64-bit hash of bytes, eight at a time (multiply and fold, as in wyhash); only its
  /// spread matters here, not its stability.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var offset = 0
    while bytes.count - offset >= 8 {
      state = mix(state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      tail |= UInt64(bytes[offset]) << shift
      shift += 8
      offset += 1
    }
    return mix(state ^ tail)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    let product = value.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
    return product.high ^ product.low
  }
}
