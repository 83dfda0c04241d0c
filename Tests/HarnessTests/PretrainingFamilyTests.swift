import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// Methods of one pretraining family (arch2vec-bo, semi-assessor, self-training: arch2vec's
/// VAE) share one pretraining per space when their encoder settings are equal, in one run and
/// with a memory-only cache, and get their own when the settings differ.
@Suite struct PretrainingFamilyTests {
  static func suite(assessorLatent: Int) throws -> Suite {
    let encoder = "epochs: 1, hiddenSize: 8, priorSamples: 10"
    return try SuiteLoader(methods: MethodRegistry.builtIn, taskNames: Fixtures.source.taskNames).load(
      yaml: """
        name: family
        seed: 5
        trials: 2
        budget: { queries: 20 }
        tasks: [tiny, tiny-subset]
        methods:
          - method: arch2vec-bo
            settings: { \(encoder), latentSize: 4, dngoHiddenSize: 8, dngoEpochs: 5 }
          - method: semi-assessor
            settings: { \(encoder), latentSize: \(assessorLatent), sampleSize: 50, gcnEpochs: 5 }
          - method: self-training
            settings: { \(encoder), latentSize: 4, pseudoLabels: 50, teacherEpochs: 5, studentEpochs: 2, hiddenSizes: [8] }
        report: { checkpoints: [10, 20] }
        """, file: "family.yaml")
  }

  static func run(_ suite: Suite) async throws -> RunFolder {
    let folder = Fixtures.temporaryFolder()
    _ = try await SuiteRunner.start(
      suite, source: Fixtures.source, folder: folder, options: RunOptions(workers: 2, cache: PretrainingCache(directory: nil)))
    return folder
  }

  @Test func equalEncoderSettingsShareOnePretrainingAcrossMethods() async throws {
    let folder = try await Self.run(try Self.suite(assessorLatent: 4))
    let records = try #require(try folder.readManifest().pretraining)
    #expect(records.count == 1, "one key for the three methods on the one tiny space: \(records.map(\.key))")
    #expect(records.first?.origin == .computed)
    #expect(records.first?.key.contains("method: arch2vec\n") == true)
    let trials = try folder.readRecords().trials
    #expect(trials.count == 12 && trials.allSatisfy { $0.status == .completed && $0.queries == 20 }, "\(trials.map(\.message))")
  }

  @Test func differentEncoderSettingsGetTheirOwnPretraining() async throws {
    let folder = try await Self.run(try Self.suite(assessorLatent: 6))
    let records = try #require(try folder.readManifest().pretraining)
    #expect(records.count == 2 && records.allSatisfy { $0.origin == .computed })
    #expect(Set(records.map(\.key)).count == 2)
  }
}
