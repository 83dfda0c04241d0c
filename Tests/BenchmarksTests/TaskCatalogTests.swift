import Benchmarks
import Testing

@Suite struct TaskCatalogTests {
  @Test func namesAreStableAndGroupedByFamily() {
    #expect(TaskCatalog.taskNames.count == 21)
    #expect(Array(TaskCatalog.taskNames.prefix(5)) == ["nb201-cifar10", "nb201-cifar100", "nb201-imagenet16-120", "nb101-30k", "nb101"])
    #expect(TaskCatalog.taskNames[5] == "transnas-micro-class-scene" && TaskCatalog.taskNames.last == "nbgraph-pubmed")
  }

  @Test func dataFilesPerTask() throws {
    #expect(try TaskCatalog.dataFiles(for: "nb201-cifar100") == ["nasbench201/nb201_accuracy.csv.gz"])
    #expect(try TaskCatalog.dataFiles(for: "nb101-30k").count == 3)
    #expect(
      try TaskCatalog.dataFiles(for: "nb101") == ["nasbench101/nb101_search_space_all423624.csv.gz", "nasbench101/nb101_full_108_mean3.csv.gz"])
    #expect(throws: BenchmarkError.self) { try TaskCatalog.dataFiles(for: "nb301") }
  }

  @Test func describeListsEveryAvailableTask() throws {
    let catalog = try TestData.catalog()
    let summaries = try catalog.describe()
    #expect(summaries.map(\.name) == catalog.availableTaskNames)
    #expect(catalog.availableTaskNames == TaskCatalog.taskNames.filter { $0 != "nb101" || summaries.contains { $0.name == "nb101" } })
    let first = try #require(summaries.first)
    #expect(
      first.description
        == "nb201-cifar10 [nas-bench-201 / cifar10] domain 15625, pool 15625; signal c10_valid_acc_200 (max 91.6067), report c10_test_acc_200 (max 94.3733, at the best signal 94.3733), cost 200 x train_time_per_epoch_s_c10"
    )
    let nb101 = try #require(summaries.first { $0.name == "nb101-30k" })
    #expect(nb101.domainSize == 30_001 && nb101.poolSize == 423_624 && nb101.caveat != nil)
  }

  @Test func latencyTableHasTwentySevenDevices() throws {
    let latency = try NASBench201LatencyTable(data: TestData.directory())
    #expect(latency.devices.count == 27)
    let fpga = try #require(latency.latencies(device: "fpga"))
    #expect(fpga.count == 15_625 && close(fpga.max() ?? 0, 8.6786) && close(finiteMean(fpga), 3.7518))
    #expect(latency.latencies(device: "abacus") == nil)
  }

  @Test func coldLoadingIsTimed() throws {
    let timings = try TestData.catalog().measureLoading()
    #expect(timings.count == 5 && timings.allSatisfy { $0.seconds > 0 && $0.seconds < 20 })
    for timing in timings { print("load timing: \(timing.what): \(timing.seconds) s") }
    if let peak = TaskCatalog.peakResidentMemoryBytes() { print("peak resident memory: \(peak / 1_048_576) MiB") }
  }
}
