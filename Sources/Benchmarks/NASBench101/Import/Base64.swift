/// Decodes standard base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, `=` padding), the
/// encoding of the metrics in the NAS-Bench-101 release file.
///
/// Strict: the length is a multiple of 4, padding only at the end, no whitespace; anything
/// else is refused with the offset of the first bad character.
enum Base64 {
  /// Why text is not base64: the offset of the first bad character and what is wrong.
  struct Failure: Error {
    let offset: Int
    let problem: String
  }

  /// 0...63 for the alphabet, 64 for `=`, 255 for every other byte.
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 255, count: 256)
    for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(byte)] = UInt8(value)
    }
    table[Int(UInt8(ascii: "="))] = 64
    return table
  }()

  /// Replaces `output` with the bytes `text` encodes.
  ///
  /// - Throws: `Failure` for a length not a multiple of 4, a byte outside the alphabet, or
  ///   padding anywhere but the last one or two places.
  /// - Complexity: O(text.count).
  static func decode(_ text: [UInt8], into output: inout [UInt8]) throws {
    output.removeAll(keepingCapacity: true)
    guard text.count % 4 == 0 else { throw Failure(offset: text.count, problem: "length \(text.count), not a multiple of 4") }
    output.reserveCapacity(text.count / 4 * 3)
    try values.withUnsafeBufferPointer { table in
      var index = 0
      while index < text.count {
        let a = table[Int(text[index])]
        let b = table[Int(text[index + 1])]
        let c = table[Int(text[index + 2])]
        let d = table[Int(text[index + 3])]
        let last = index + 4 == text.count
        if (a | b | c | d) & 0x80 != 0 {
          var position = 0
          while position < 3 && table[Int(text[index + position])] != 255 { position += 1 }
          throw Failure(offset: index + position, problem: "byte \(text[index + position]) outside the base64 alphabet")
        }
        if a == 64 || b == 64 || (c == 64 && d != 64) || ((c == 64 || d == 64) && !last) {
          throw Failure(offset: index, problem: "misplaced '=' padding")
        }
        output.append(a << 2 | b >> 4)
        if c != 64 { output.append(b << 4 | c >> 2) }
        if d != 64 { output.append(c << 6 | d) }
        index += 4
      }
    }
  }
}
