import Checksums
import Foundation
import Testing

@testable import Results

/// The byte-level reader of query lines agrees with `JSONDecoder` on every line, takes the
/// writer's own lines, and hands everything else to the decoder.
@Suite struct QueryLineParserTests {
  static func record(
    task: String = "nb201-cifar10", method: String = "random-search", key: String = "|nor_conv_3x3~0|+|skip_connect~0|",
    signal: Double = 88.750667, report: Double = 92.056667, cost: Double = 2911, cumulativeCost: Double = 2911,
    methodSeconds: Double = 1.4722e-05, query: Int = 1
  ) -> QueryRecord {
    QueryRecord(
      task: task, method: method, trial: 3, query: query, poolIndex: 1449, key: key, signal: signal, report: report,
      cost: cost, cumulativeCost: cumulativeCost, batch: 0, methodSeconds: methodSeconds, initial: true)
  }

  /// A line of `content` (one JSON object) with its checksum field, as the writer adds it.
  static func checkedLine(_ content: String) -> [UInt8] {
    let bytes = Array(content.utf8)
    let crc = String(CRC32C.checksum(bytes), radix: 16)
    return bytes.dropLast() + Array(",\"crc\":\"\(String(repeating: "0", count: 8 - crc.count) + crc)\"}".utf8)
  }

  /// The fast reader's record of a line, or `nil` when it leaves the line to the decoder.
  static func parsed(_ line: [UInt8]) -> QueryRecord? {
    var pool = StringPool()
    guard let fields = line.withUnsafeBytes({ QueryLineParser.fields(of: $0, pool: &pool) }) else { return nil }
    return QueryRecord(
      task: pool[fields.task], method: pool[fields.method], trial: fields.trial, query: fields.query,
      poolIndex: fields.poolIndex, key: pool[fields.key], signal: fields.signal, report: fields.report, cost: fields.cost,
      cumulativeCost: fields.cumulativeCost, batch: fields.batch, methodSeconds: fields.methodSeconds,
      initial: fields.initial)
  }

  static func decoded(_ line: [UInt8]) throws -> LogEntry {
    try RunLog.makeDecoder().decode(LogEntry.self, from: Data(line))
  }

  /// Writes raw lines as a log and returns its path.
  static func log(_ lines: [[UInt8]]) throws -> String {
    let path = NSTemporaryDirectory() + "query-line-parser-\(UUID().uuidString).jsonl"
    try Data(lines.flatMap { $0 + [UInt8(ascii: "\n")] }).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func sameBits(_ a: QueryRecord, _ b: QueryRecord) -> Bool {
    let doubles: [KeyPath<QueryRecord, Double>] = [\.signal, \.report, \.cost, \.cumulativeCost, \.methodSeconds]
    return doubles.allSatisfy { a[keyPath: $0].bitPattern == b[keyPath: $0].bitPattern }
      && (a.task, a.method, a.trial, a.query) == (b.task, b.method, b.trial, b.query)
      && (a.poolIndex, a.key, a.batch, a.initial) == (b.poolIndex, b.key, b.batch, b.initial)
  }
}

// MARK: - The writer's lines

extension QueryLineParserTests {
  @Test func theWritersQueryLinesAreReadWithoutTheDecoderAndAgreeWithIt() throws {
    let encoder = RunLog.makeEncoder()
    let records = [
      Self.record(), Self.record(signal: -0.0, report: 0, cost: 0, cumulativeCost: 0, methodSeconds: 0),
      Self.record(signal: 1e-300, report: 1.7976931348623157e308, cost: .leastNonzeroMagnitude, cumulativeCost: 2817.2999999999997),
      Self.record(signal: 123_456_789_012_345_680, report: 0.1, cost: 1e22, cumulativeCost: 1e23, methodSeconds: 9.5e-7),
      Self.record(task: "", method: "label with spaces/and:punctuation", key: "~!@#$%^&*()_+{}|:<>?`-=[];',./"),
    ]
    for record in records {
      let line = Array(try RunLog.line(for: .query(record), encoder: encoder).dropLast())
      let fast = try #require(Self.parsed(line), "\(String(decoding: line, as: UTF8.self))")
      guard case .query(let general) = try Self.decoded(line) else {
        Issue.record("not a query")
        continue
      }
      #expect(Self.sameBits(fast, general), "\(String(decoding: line, as: UTF8.self))")
      #expect(Self.sameBits(fast, record))
    }
  }

  @Test func numbersAreConvertedExactlyAsTheDecoderConvertsThem() throws {
    let encoder = RunLog.makeEncoder()
    var rng = SystemRandomNumberGenerator()
    var fastPath = 0
    for round in 0..<2000 {
      // Random bit patterns cover every exponent; short decimals cover the common case.
      let wild = Double(bitPattern: rng.next())
      let short = Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) / 1000
      let signal = wild.isFinite ? wild : 1
      let record = Self.record(signal: signal, report: short, cumulativeCost: Double(round) * 0.1 + 0.2)
      let line = Array(try RunLog.line(for: .query(record), encoder: encoder).dropLast())
      guard case .query(let general) = try Self.decoded(line) else {
        Issue.record("not a query")
        continue
      }
      let fast = try #require(Self.parsed(line))
      #expect(Self.sameBits(fast, general), "\(String(decoding: line, as: UTF8.self))")
      fastPath += 1
    }
    #expect(fastPath == 2000)
  }
}

// MARK: - Lines left to the decoder

extension QueryLineParserTests {
  static let leftToTheDecoder: [(name: String, record: QueryRecord)] = [
    ("a NaN signal", record(signal: .nan)),
    ("an infinite report", record(report: .infinity)),
    ("a negative infinite cost", record(signal: -.infinity)),
    ("an escaped quote in a key", record(key: #"a"b"#)),
    ("a backslash in a method label", record(method: #"a\b"#)),
    ("a control character in a key", record(key: "a\tb")),
    ("unicode in a task name", record(task: "nb201-cifar10-ÿ-雪-🎉")),
  ]

  @Test(arguments: leftToTheDecoder.indices) func linesOutsideTheWritersPlainFormAreDecodedAsBefore(index: Int) throws {
    let record = Self.leftToTheDecoder[index].record
    let line = Array(try RunLog.line(for: .query(record), encoder: RunLog.makeEncoder()).dropLast())
    #expect(Self.parsed(line) == nil, "\(Self.leftToTheDecoder[index].name)")
    let path = try Self.log([line])
    let entries = try RunLog.read(path: path)
    #expect(entries.count == 1)
    guard case .query(let read) = entries.first, case .query(let general) = try Self.decoded(line) else {
      Issue.record("not a query")
      return
    }
    #expect(try RunLog.deterministicLine(.query(read)) == RunLog.deterministicLine(.query(general)))
    #expect(read.key == record.key && read.task == record.task && read.method == record.method)
  }

  static let reordered = [
    // Another field order, spaces, an extra field: valid JSON the writer does not produce.
    #"{"cost":2911,"batch":0,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch": 0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"extra":1,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2.911E3,"cumulativeCost":2911,"initial":true,"key":"k\u0041","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
  ]

  @Test(arguments: reordered) func validLinesInAnotherFormAreDecoded(content: String) throws {
    let line = Self.checkedLine(content)
    let path = try Self.log([line])
    let entries = try RunLog.read(path: path)
    #expect(try entries.map(RunLog.deterministicLine) == [RunLog.deterministicLine(try Self.decoded(line))])
  }

  static let malformed = [
    // Checksums match, the JSON does not hold a record: refused with the decoder's message.
    #"{"batch":0,"cost":01,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":1.,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"initial":yes,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1.5,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t"}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"k","kind":"query","method":"m","methodSeconds":0,"poolIndex":1,"query":99999999999999999999,"report":92,"signal":88,"task":"t","trial":0}"#,
    #"{"batch":0,"cost":2911,"cumulativeCost":2911,"initial":true,"key":"k","kind":"queries","method":"m","methodSeconds":0,"poolIndex":1,"query":1,"report":92,"signal":88,"task":"t","trial":0}"#,
  ]

  @Test(arguments: malformed) func malformedLinesAreRefusedWithTheDecodersMessage(content: String) throws {
    let line = Self.checkedLine(content)
    #expect(Self.parsed(line) == nil)
    let expected: String
    do {
      _ = try Self.decoded(line)
      Issue.record("the decoder accepted \(content)")
      return
    } catch {
      expected = "\(error)"
    }
    let path = try Self.log([Self.checkedLine(content)])
    #expect(throws: ResultStoreError.malformedLine(path: path, line: 1, reason: expected)) { try RunLog.read(path: path) }
  }
}

// MARK: - Reading in chunks

extension QueryLineParserTests {
  @Test func linesLongerThanAChunkAndLinesAcrossChunksAreRead() throws {
    let encoder = RunLog.makeEncoder()
    let long = Self.record(key: String(repeating: "|nor_conv_3x3~0|", count: RunLog.chunkBytes / 8))
    var entries: [LogEntry] = []
    for query in 1...3 { entries.append(.query(Self.record(key: "short", cumulativeCost: 2911 * Double(query), query: query))) }
    entries.append(
      .query(
        QueryRecord(
          task: long.task, method: long.method, trial: long.trial, query: 4, poolIndex: 1, key: long.key, signal: 1, report: 2,
          cost: 2911, cumulativeCost: 4 * 2911, batch: 1, methodSeconds: 0, initial: false)))
    // Enough short lines after it that some straddle a chunk boundary.
    for query in 5...6000 { entries.append(.query(Self.record(key: "k\(query)", cumulativeCost: 2911 * Double(query), query: query))) }
    let lines = try entries.map { Array(try RunLog.line(for: $0, encoder: encoder).dropLast()) }
    let path = try Self.log(lines)
    #expect(try RunLog.read(path: path).map(RunLog.deterministicLine) == entries.map(RunLog.deterministicLine))
  }
}
