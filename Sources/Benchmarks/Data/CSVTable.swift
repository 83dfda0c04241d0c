/// A parsed CSV file kept as its bytes plus the offsets of every field (columnar access).
///
/// The format is the one of the benchmark tables (see `data/README.md`): a header line,
/// comma separators, text fields in double quotes (which may contain commas), numbers
/// unquoted, `\n` (or `\r\n`) line ends. Fields are decoded on demand, by column.
struct CSVTable: Sendable {
  /// The file name used in error messages (relative to the data directory).
  let file: String
  /// Column names from the header line, in file order.
  let columnNames: [String]
  /// Number of data rows (header excluded).
  let rowCount: Int
  private let bytes: [UInt8]
  /// For field `row * columnCount + column`: start and end (exclusive) byte offsets, quotes
  /// already stripped.
  private let fieldStarts: [UInt32]
  private let fieldEnds: [UInt32]

  /// Splits `bytes` into rows and fields.
  ///
  /// - Throws: `BenchmarkError.malformedCSV` for an unterminated quote or a row whose field
  ///   count differs from the header's, with its line number.
  /// - Complexity: O(bytes.count).
  init(file: String, bytes: [UInt8]) throws {
    guard bytes.count < Int(UInt32.max) else {
      throw BenchmarkError.inconsistentTable(file: file, detail: "file larger than 4 GB", value: "\(bytes.count)")
    }
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var header: [String] = []
    var rows = 0
    var failure: BenchmarkError?
    bytes.withUnsafeBufferPointer { buffer in
      let newlineCount = buffer.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
      var position = 0
      var line = 1
      var columnCount = -1
      var rowStarts: [UInt32] = []
      var rowEnds: [UInt32] = []
      while position < buffer.count {
        rowStarts.removeAll(keepingCapacity: true)
        rowEnds.removeAll(keepingCapacity: true)
        var atLineEnd = false
        while !atLineEnd {
          var start = position
          var end = position
          if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
            start = position + 1
            var scan = start
            while scan < buffer.count && buffer[scan] != UInt8(ascii: "\"") { scan += 1 }
            guard scan < buffer.count else {
              failure = .malformedCSV(file: file, line: line, column: "field \(rowStarts.count + 1)", value: "\"", expected: "a closing double quote")
              return
            }
            end = scan
            position = scan + 1
          } else {
            while position < buffer.count, buffer[position] != UInt8(ascii: ","), buffer[position] != 10 { position += 1 }
            end = position
            if end > start && buffer[end - 1] == 13 { end -= 1 }
          }
          rowStarts.append(UInt32(start))
          rowEnds.append(UInt32(end))
          if position < buffer.count && buffer[position] == 13 { position += 1 }
          if position >= buffer.count || buffer[position] == 10 {
            atLineEnd = true
          } else if buffer[position] != UInt8(ascii: ",") {
            failure = .malformedCSV(
              file: file, line: line, column: "field \(rowStarts.count)", value: String(UnicodeScalar(buffer[position])),
              expected: "',' or end of line after a quoted field")
            return
          }
          position += 1
        }
        if columnCount < 0 {
          columnCount = rowStarts.count
          header = zip(rowStarts, rowEnds).map { String(decoding: buffer[Int($0)..<Int($1)], as: UTF8.self) }
          starts.reserveCapacity(newlineCount * columnCount)
          ends.reserveCapacity(newlineCount * columnCount)
        } else if rowStarts.count == 1 && rowStarts[0] == rowEnds[0] && position >= buffer.count {
          break  // trailing empty line
        } else {
          guard rowStarts.count == columnCount else {
            failure = .malformedCSV(
              file: file, line: line, column: "(row)", value: "\(rowStarts.count) fields", expected: "\(columnCount) fields as in the header")
            return
          }
          starts.append(contentsOf: rowStarts)
          ends.append(contentsOf: rowEnds)
          rows += 1
        }
        line += 1
      }
    }
    if let failure { throw failure }
    self.file = file
    self.columnNames = header
    self.rowCount = rows
    self.bytes = bytes
    self.fieldStarts = starts
    self.fieldEnds = ends
  }

  /// The position of column `name`.
  ///
  /// - Throws: `BenchmarkError.missingColumn`.
  func column(_ name: String) throws -> Int {
    guard let index = columnNames.firstIndex(of: name) else {
      throw BenchmarkError.missingColumn(file: file, column: name, available: columnNames)
    }
    return index
  }

  /// Every value of the numeric column `name`, in row order.
  ///
  /// - Throws: `missingColumn`, or `malformedCSV` naming the line of the first bad value.
  /// - Complexity: O(rows).
  func doubles(_ name: String) throws -> [Double] {
    try values(name, expected: "a decimal number", placeholder: .nan, parse: DecimalParser.parse)
  }

  /// Every value of the integer column `name`, in row order.
  ///
  /// - Throws: `missingColumn`, or `malformedCSV` naming the line of the first bad value.
  /// - Complexity: O(rows).
  func integers(_ name: String) throws -> [Int] {
    try values(name, expected: "an integer", placeholder: 0, parse: DecimalParser.parseInteger)
  }

  private func values<Value>(
    _ name: String, expected: String, placeholder: Value,
    parse: (UnsafeBufferPointer<UInt8>, Int, Int) -> Value?
  ) throws -> [Value] {
    let column = try column(name)
    var values = [Value](repeating: placeholder, count: rowCount)
    var badRow = -1
    bytes.withUnsafeBufferPointer { buffer in
      for row in 0..<rowCount {
        let field = row * columnNames.count + column
        guard let value = parse(buffer, Int(fieldStarts[field]), Int(fieldEnds[field])) else {
          badRow = row
          return
        }
        values[row] = value
      }
    }
    if badRow >= 0 { throw malformed(row: badRow, column: column, expected: expected) }
    return values
  }

  /// Calls `body` with the raw bytes of every field of column `name`, in row order; `body`
  /// returns `false` to reject a field, which throws `malformedCSV` with `expected`.
  ///
  /// - Complexity: O(rows) calls of `body`.
  func forEachField(
    _ name: String, expected: String, _ body: (_ row: Int, _ field: UnsafeBufferPointer<UInt8>) -> Bool
  ) throws {
    let column = try column(name)
    var badRow = -1
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for row in 0..<rowCount {
        let field = row * columnNames.count + column
        let start = Int(fieldStarts[field])
        let slice = UnsafeBufferPointer(start: base + start, count: Int(fieldEnds[field]) - start)
        if !body(row, slice) {
          badRow = row
          return
        }
      }
    }
    if badRow >= 0 { throw malformed(row: badRow, column: column, expected: expected) }
  }

  /// The text of one field.
  func text(row: Int, column: Int) -> String {
    let field = row * columnNames.count + column
    return String(decoding: bytes[Int(fieldStarts[field])..<Int(fieldEnds[field])], as: UTF8.self)
  }

  /// The error for a bad field; data row `row` is file line `row + 2` (after the header).
  func malformed(row: Int, column: Int, expected: String) -> BenchmarkError {
    let value = String(text(row: row, column: column).prefix(60))
    return .malformedCSV(file: file, line: row + 2, column: columnNames[column], value: value, expected: expected)
  }
}
