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
}
