import Benchmarks
import Foundation
import Harness
import Results
import Testing

/// Tasks declared in a suite over a shipped benchmark: checked against the benchmark's
/// columns before anything runs, built from the real table, written back into the resolved
/// suite so a run resumes with the same task.
@Suite struct DeclaredTaskTests {
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let source = try! CatalogTaskSource()
  static let loader = SuiteLoader(taskNames: source.taskNames)

  static func yaml(signal: String = "c10_valid_acc_12", extra: String = "") -> String {
    """
    name: paper-protocol
    seed: 1
    trials: 4
    budget: { seconds: 12000 }
    tasks:
      - nb201-cifar10
      - name: nb201-cifar10-12ep
        benchmark: nas-bench-201
        signal: \(signal)
        report: c10_test_acc_200
        cost: { column: train_time_per_epoch_s_c10, scale: 12 }\(extra)
    methods: [{ method: random-search }]
    report: { checkpoints: [10, 50] }
    """
  }

  @Test func theNASBench201PaperProtocolIsATaskOfTheSuite() async throws {
    let suite = try Self.loader.load(yaml: Self.yaml(), file: "paper.yaml", preflight: SuitePreflight(source: Self.source))
    #expect(suite.tasks == ["nb201-cifar10", "nb201-cifar10-12ep"])
    let declaration = try #require(suite.declaredTasks.first)
    let task = try Self.source.catalog.task(declared: declaration)
    let named = try Self.source.task(named: "nb201-cifar10")
    #expect(task.signal.name == "c10_valid_acc_12" && task.report.name == "c10_test_acc_200")
    #expect(task.cost?.name == "12 x train_time_per_epoch_s_c10")
    #expect(try #require(task.cost?.values[7]) == named.cost.map { $0.values[7] / 200 * 12 })
    #expect(task.signal.maximum < named.signal.maximum, "12 epochs of training reach less than 200")
    #expect(task.report.maximum == named.report.maximum)

    let folder = RunFolder(path: NSTemporaryDirectory() + "nasarena-tests/declared-\(UUID().uuidString)")
    _ = try await SuiteRunner.start(suite, source: Self.source, folder: folder, options: RunOptions(workers: 2))
    let records = try folder.readRecords()
    let declared = records.queries.filter { $0.task == "nb201-cifar10-12ep" }
    #expect(records.trials.count == 8 && records.trials.allSatisfy { $0.status == .completed })
    #expect(declared.allSatisfy { $0.signal == task.signal[$0.poolIndex] && $0.cost == task.cost?[$0.poolIndex] })
    #expect(records.trials.filter { $0.task == "nb201-cifar10-12ep" }.allSatisfy { $0.cost <= 12_000 })
    let reloaded = try Self.loader.load(path: folder.suiteFile)
    #expect(reloaded.declaredTasks == suite.declaredTasks)
    #expect(try reloaded.resolvedHash() == suite.resolvedHash())
    let taskRecord = try #require(records.tasks.first { $0.name == "nb201-cifar10-12ep" })
    let ceiling = try #require(taskRecord.bestSignalReport)
    #expect(ceiling >= task.report[task.signal.argmax] && ceiling <= task.report.maximum)
  }

  @Test func aMisspelledColumnIsALocatedErrorWithASuggestion() throws {
    #expect {
      try Self.loader.load(yaml: Self.yaml(signal: "c10_valid_ac_12"), file: "paper.yaml")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("paper.yaml:9:") && text.contains("tasks[1].signal: unknown column 'c10_valid_ac_12' of nas-bench-201")
        && text.contains("did you mean 'c10_valid_acc_12'?") && text.contains("columns: c10_valid_acc_200")
    }
  }

  @Test func declarationsAreCheckedKeyByKey() throws {
    func message(_ extra: String, replacing: (String, String)? = nil) -> String {
      var text = Self.yaml(extra: extra)
      if let (old, new) = replacing { text = text.replacingOccurrences(of: old, with: new) }
      do {
        _ = try Self.loader.load(yaml: text, file: "x.yaml")
        return "accepted"
      } catch { return "\(error)" }
    }
    #expect(message("\n    dataset: cora").contains("accepted"), "a dataset is a free label outside NAS-Bench-Graph")
    #expect(message("\n    epochs: 12").contains("tasks[1].epochs: unknown key 'epochs'"))
    #expect(message("", replacing: ("benchmark: nas-bench-201", "benchmark: nas-bench-2O1")).contains("did you mean 'nas-bench-201'?"))
    #expect(message("", replacing: ("name: nb201-cifar10-12ep", "name: nb201-cifar100")).contains("is a shipped task"))
    #expect(message("", replacing: ("scale: 12", "scale: -12")).contains("tasks[1].cost.scale: invalid value '-12.0'"))
    #expect(message("", replacing: ("column: train_time_per_epoch_s_c10", "column: c10_time")).contains("tasks[1].cost.column: unknown column"))
    let graph = message("", replacing: ("benchmark: nas-bench-201", "benchmark: nas-bench-graph"))
    #expect(graph.contains("tasks[1].dataset: nas-bench-graph needs a 'dataset:'; datasets: arxiv"))
  }

  @Test func theShippedColumnListsAreTheTables() throws {
    for offer in TaskCatalog.benchmarkColumns {
      for column in offer.columns {
        let declaration = TaskDeclaration(
          name: "check", benchmark: offer.benchmark, dataset: offer.datasets?.first, signal: column, report: column)
        let task = try Self.source.catalog.task(declared: declaration)
        #expect(task.signal.values.contains { $0.isFinite }, "\(offer.benchmark) \(column)")
      }
    }
  }
}

/// The test-of-best-signal ceiling in task records.
@Suite struct BestSignalCeilingTests {
  @Test func onImageNet16TheCeilingIsBelowTheReportOptimum() throws {
    let task = try DeclaredTaskTests.source.task(named: "nb201-imagenet16-120")
    let record = task.record
    let ceiling = try #require(record.bestSignalReport)
    #expect(ceiling < record.optimumReport - 0.1, "the best-valid cell (10676) is not the best-test cell (857)")
    #expect(ceiling == task.report[task.signal.argmax])
    let cifar = try DeclaredTaskTests.source.task(named: "nb201-cifar10").record
    #expect(try #require(cifar.bestSignalReport) <= cifar.optimumReport)
  }
}

/// Every shipped suite passes `validate` as `run` checks it: keys, ranges and the space-aware
/// pre-flight on the real tables (declared tasks included).
@Suite struct ShippedSuitesTests {
  @Test(arguments: SuiteFuzzTests.shipped.map(\.name))
  func everyShippedSuitePassesThePreflight(_ file: String) throws {
    let text = try #require(SuiteFuzzTests.shipped.first { $0.name == file }?.text)
    let loader = SuiteLoader(taskNames: DeclaredTaskTests.source.taskNames)
    let suite = try loader.load(yaml: text, file: file, preflight: SuitePreflight(source: DeclaredTaskTests.source))
    #expect(!suite.tasks.isEmpty)
  }
}
