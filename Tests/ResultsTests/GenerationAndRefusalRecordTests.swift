import Foundation
import Results
import Testing

@Suite struct GenerationAndRefusalRecordTests {
  /// A trial line as logs wrote it before refusals were split by reason.
  static let oldTrialLine = """
    {"batches":2,"cost":3,"kind":"trial","method":"m","methodSeconds":0.5,"proposals":5,"queries":2,"refused":3,\
    "repeats":0,"repeatsInBatch":0,"seed":99,"status":"completed","task":"t","trial":0}
    """

  @Test func oldTrialLinesDecodeWithZeroRefusalReasons() throws {
    let entry = try JSONDecoder().decode(LogEntry.self, from: Data(Self.oldTrialLine.utf8))
    guard case .trial(let record) = entry else {
      Issue.record("not a trial line")
      return
    }
    #expect(record.refused == 3 && record.proposals == 5)
    #expect(record.refusedInvalid == 0 && record.refusedNotInPool == 0 && record.refusedOutsideDomain == 0)
  }

  @Test func trialAndGenerationLinesRoundTrip() throws {
    let trial = TrialRecord(
      task: "t", method: "m", trial: 1, seed: 4, status: .exhausted, message: nil, queries: 9, cost: 0, proposals: 20,
      refused: 6, refusedInvalid: 1, refusedNotInPool: 2, refusedOutsideDomain: 3, repeats: 2, repeatsInBatch: 1,
      batches: 3, methodSeconds: 0.1)
    let generation = GenerationRecord(
      task: "t", method: "m", trial: 1, batch: 2, afterQuery: 6, generated: 10, valid: 8, unique: 6, novel: 5,
      inDomain: 4, tokenCounts: [[3, 7], [10, 0]])
    for entry in [LogEntry.trial(trial), .generation(generation)] {
      let data = try JSONEncoder().encode(entry)
      #expect(try JSONDecoder().decode(LogEntry.self, from: data) == entry)
      #expect(String(decoding: data, as: UTF8.self).contains(entry == .trial(trial) ? "\"refusedNotInPool\":2" : "\"kind\":\"generation\""))
    }
    #expect(generation.validity == 0.8 && generation.uniqueness == 0.75 && abs(generation.novelty - 5.0 / 6) < 1e-12)
    #expect(generation.cell == TrialCell(task: "t", method: "m", trial: 1))
  }

  @Test func lossCurvesRoundTripAndAreLeftOutOfTheLineWhenEmpty() throws {
    var generation = GenerationRecord(
      task: "t", method: "m", trial: 0, batch: 1, afterQuery: 3, generated: 4, valid: 4, unique: 3, novel: 3, inDomain: 2,
      tokenCounts: [[1, 3]])
    let plain = String(decoding: try JSONEncoder().encode(LogEntry.generation(generation)), as: UTF8.self)
    #expect(!plain.contains("lossCurves"))
    generation.lossCurves = [.init(name: "discriminator", values: [1.5, 0.25]), .init(name: "generator", values: [])]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(LogEntry.generation(generation))
    #expect(String(decoding: data, as: UTF8.self).contains("\"lossCurves\":[{\"name\":\"discriminator\",\"values\":[1.5,0.25]}"))
    #expect(try JSONDecoder().decode(LogEntry.self, from: data) == .generation(generation))
  }

  @Test func generationLinesWithoutLossCurvesDecodeWithNone() throws {
    let line = """
      {"afterQuery":0,"batch":0,"generated":2,"inDomain":1,"kind":"generation","method":"m","novel":1,"task":"t",\
      "tokenCounts":[[2,0]],"trial":0,"unique":1,"valid":2}
      """
    guard case .generation(let record) = try JSONDecoder().decode(LogEntry.self, from: Data(line.utf8)) else {
      Issue.record("not a generation line")
      return
    }
    #expect(record.lossCurves.isEmpty && record.tokenCounts == [[2, 0]] && record.valid == 2)
  }

  @Test func taskRecordsWithoutASignatureStillDecodeAndOnesWithItRoundTrip() throws {
    let old = """
      {"benchmark":"b","dataset":"d","domainSize":3,"name":"t","optimumReport":9,"optimumSignal":8,"poolSize":4,\
      "reportColumn":"test","signalColumn":"valid","topPercentReport":9,"topPermilleReport":9}
      """
    var record = try JSONDecoder().decode(TaskRecord.self, from: Data(old.utf8))
    #expect(record.signature == nil && record.domainSize == 3)
    record.signature = TokenSignature(
      positions: [.init(name: "edge 0->1", role: .connection, tokens: ["no", "yes"])], domainCount: 3, domainCounts: [[1, 2]],
      topCount: 1, topCounts: [[0, 1]])
    let data = try JSONEncoder().encode(record)
    #expect(try JSONDecoder().decode(TaskRecord.self, from: data) == record)
    #expect(String(decoding: data, as: UTF8.self).contains("\"role\":\"connection\""))
  }
}
