import Foundation
import Harness
import Results
import SearchMethods
import TestSupport
import Testing

/// The label-free pretraining seam: computed once per key, reused from memory and disk by later
/// trials, resumed runs and other suites, never trusted when the cache file is bad, and
/// recorded in the manifest apart from the trials' method time.
@Suite struct PretrainingCacheTests {
  static let methods = MethodRegistry.builtIn + [MethodEntry(PoolEmbeddingWalk.self)]

  static func suite(name: String = "walk", seed: Int = 3, dimensions: Int = 8, trials: Int = 10, extra: String = "") throws -> Suite {
    try SuiteLoader(methods: methods, taskNames: Fixtures.source.taskNames).load(
      yaml: """
        name: \(name)
        seed: \(seed)
        trials: \(trials)
        budget: { queries: 20 }
        tasks: [tiny, tiny-subset]
        methods:
          - method: pool-embedding-walk
            settings: { dimensions: \(dimensions), batchSize: 5 }
          \(extra)
        report: { checkpoints: [10, 20] }
        """, file: "\(name).yaml")
  }

  static func cacheFolder() -> String { NSTemporaryDirectory() + "nasarena-tests/cache-\(UUID().uuidString)" }

  static func run(_ suite: Suite, cache: PretrainingCache, folder: RunFolder = Fixtures.temporaryFolder()) async throws -> RunFolder {
    _ = try await SuiteRunner.start(suite, source: Fixtures.source, folder: folder, options: RunOptions(workers: 2, cache: cache))
    return folder
  }

  @Test func onePretrainingServesEveryTrialAndTaskOfASpace() async throws {
    let folder = try await Self.run(try Self.suite(), cache: PretrainingCache(directory: Self.cacheFolder()))
    let records = try #require(try folder.readManifest().pretraining)
    #expect(records.count == 1, "tiny and tiny-subset share one space, so one key")
    #expect(records[0].origin == .computed && records[0].pretrainingSeconds > 0 && records[0].bytes > 256 * 8 * 4)
    #expect(records[0].key.contains("method: pool-embedding-walk") && records[0].key.contains("settings: dimensions=8"))
    #expect(records[0].progress.last == "embedded 256 of 256 architectures")
    let trials = try folder.readRecords().trials
    #expect(trials.count == 20 && trials.allSatisfy { $0.status == .completed && $0.queries == 20 })
  }

  @Test func resumedRunsAndOtherSuitesWithTheSameKeyReadTheCacheInsteadOfPretraining() async throws {
    let directory = Self.cacheFolder()
    let first = try await Self.run(try Self.suite(), cache: PretrainingCache(directory: directory))
    let reference = try Fixtures.canonicalLog(first)

    // A finished run needs nothing on resume: no pretraining record is added.
    _ = try await SuiteRunner.resume(
      folder: first, loader: SuiteLoader(methods: Self.methods, taskNames: Fixtures.source.taskNames), source: Fixtures.source,
      options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory)))
    #expect(try first.readManifest().pretraining?.map(\.origin) == [.computed])

    // An interrupted run resumes from the disk cache (a new process has an empty memory).
    let lines = try String(contentsOfFile: first.logFile, encoding: .utf8).split(separator: "\n")
    try (lines.prefix(lines.count / 3).joined(separator: "\n") + "\n").write(toFile: first.logFile, atomically: true, encoding: .utf8)
    _ = try await SuiteRunner.resume(
      folder: first, loader: SuiteLoader(methods: Self.methods, taskNames: Fixtures.source.taskNames), source: Fixtures.source,
      options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory)))
    let resumed = try #require(try first.readManifest().pretraining)
    #expect(resumed.map(\.origin) == [.computed, .disk])
    #expect(resumed[0].keyHash == resumed[1].keyHash && resumed[0].contentHash == resumed[1].contentHash)
    #expect(try Fixtures.canonicalLog(first) == reference, "trials built from the disk value log what the computed value logged")

    // Another suite with the same key (another name, another search-only setting): disk.
    let other = try await Self.run(
      try Self.suite(name: "walk-other", extra: "- method: random-search"), cache: PretrainingCache(directory: directory))
    #expect(try other.readManifest().pretraining?.map(\.origin) == [.disk])

    // A setting that changes the pretraining, or another seed, is another key.
    let wider = try await Self.run(try Self.suite(dimensions: 4), cache: PretrainingCache(directory: directory))
    let reseeded = try await Self.run(try Self.suite(seed: 4), cache: PretrainingCache(directory: directory))
    let hashes = try [first, wider, reseeded].map { try #require(try $0.readManifest().pretraining?.first).keyHash }
    #expect(Set(hashes).count == 3)
    #expect(try wider.readManifest().pretraining?.first?.origin == .computed)
  }

  @Test func aCorruptCacheFileIsRebuiltWithAWarningNeverTrusted() async throws {
    let directory = Self.cacheFolder()
    let first = try await Self.run(try Self.suite(), cache: PretrainingCache(directory: directory))
    let reference = try Fixtures.canonicalLog(first)
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".pretrained") })
    let path = (directory as NSString).appendingPathComponent(file)
    let intact = try Data(contentsOf: URL(fileURLWithPath: path))
    let damages: [(String, Data)] = [
      (
        "flipped byte",
        {
          var bytes = intact
          bytes[bytes.count - 7] ^= 0x40
          return bytes
        }()
      ),
      ("truncated", intact.prefix(intact.count / 2)),
      ("not a cache file", Data("hello".utf8)),
    ]
    for (damage, bytes) in damages {
      try bytes.write(to: URL(fileURLWithPath: path))
      let warnings = Warnings()
      let folder = Fixtures.temporaryFolder()
      _ = try await SuiteRunner.start(
        try Self.suite(), source: Fixtures.source, folder: folder,
        options: RunOptions(workers: 2, cache: PretrainingCache(directory: directory), log: { warnings.add($0) }))
      #expect(try folder.readManifest().pretraining?.map(\.origin) == [.computed], "\(damage)")
      #expect(warnings.lines.contains { $0.hasPrefix("warning: pretraining cache file") && $0.contains(path) }, "\(damage)")
      #expect(try Fixtures.canonicalLog(folder) == reference, "\(damage)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == intact, "\(damage): the file is replaced by a good one")
    }
  }

  /// arch2vec-bo and arch2vec-rl with `rlEncoder` as arch2vec-rl's encoder settings (its
  /// search settings always differ from arch2vec-bo's), on the tiny task.
  static func arch2vecSuite(rlEncoder: String) throws -> Suite {
    try SuiteLoader(methods: methods, taskNames: Fixtures.source.taskNames).load(
      yaml: """
        name: arch2vec-family
        seed: 3
        trials: 2
        budget: { queries: 20 }
        tasks: [tiny]
        methods:
          - method: arch2vec-bo
            settings: { epochs: 1, hiddenSize: 16, latentSize: 4, priorSamples: 10, initialSize: 5, dngoHiddenSize: 8, dngoEpochs: 5 }
          - method: arch2vec-rl
            settings: { \(rlEncoder), initialSize: 2, batchSize: 4, policyHiddenSize: 8 }
        report: { checkpoints: [10, 20] }
        """, file: "arch2vec-family.yaml")
  }

  @Test func arch2vecMethodsWithEqualEncoderSettingsShareOnePretraining() async throws {
    let equal = "epochs: 1, hiddenSize: 16, latentSize: 4, priorSamples: 10"
    let shared = try await Self.run(try Self.arch2vecSuite(rlEncoder: equal), cache: PretrainingCache(directory: Self.cacheFolder()))
    let records = try #require(try shared.readManifest().pretraining)
    #expect(records.map(\.origin) == [.computed], "one key for the two methods, so one pretraining")
    #expect(records.first?.key.hasPrefix("method: arch2vec\n") == true)
    let trials = try shared.readRecords().trials
    #expect(trials.count == 4 && trials.allSatisfy { $0.status == .completed && $0.queries == 20 })
    #expect(Set(trials.map(\.method)) == ["arch2vec-bo", "arch2vec-rl"])

    // A wider latent space for arch2vec-rl is another key: two pretrainings.
    let wider = "epochs: 1, hiddenSize: 16, latentSize: 6, priorSamples: 10"
    let apart = try await Self.run(try Self.arch2vecSuite(rlEncoder: wider), cache: PretrainingCache(directory: Self.cacheFolder()))
    let separate = try #require(try apart.readManifest().pretraining)
    #expect(separate.map(\.origin) == [.computed, .computed])
    #expect(Set(separate.map(\.keyHash)).count == 2)
  }

  @Test func aKeyNamesEverythingTheValueDependsOn() throws {
    let cache = PretrainingCache(directory: nil)
    let suite = try Self.suite()
    let spec = try #require(suite.methods.first)
    let ability = try #require(spec.entry.pretraining)
    let key = try cache.key(for: spec, ability: ability, space: Fixtures.source.space, suiteSeed: 3)
    #expect(key.text.split(separator: "\n").map { $0.split(separator: ":")[0] } == ["method", "space", "pool", "settings", "seed", "code"])
    #expect(key.poolSize == 256 && key.fileName.hasPrefix("pool-embedding-walk-") && key.hash.count == 64)
    #expect(try cache.key(for: spec, ability: ability, space: TinySpace(positions: 4, operations: 3), suiteSeed: 3).hash != key.hash)
  }

  @Test func theCacheFolderComesFromTheEnvironment() {
    #expect(PretrainingCache.defaultDirectory(environment: ["NASARENA_CACHE": "/c", "HOME": "/h"]) == "/c")
    #expect(PretrainingCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/nasarena")
    #expect(PretrainingCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/nasarena")
    #expect(PretrainingCache.defaultDirectory(environment: [:]) == nil)
  }
}

/// Collects log lines from concurrent callers.
final class Warnings: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [String] = []
  func add(_ line: String) { lock.withLock { collected.append(line) } }
  var lines: [String] { lock.withLock { collected } }
}
