import Harness
import Results
import Tensor
import Testing

/// Lending idle workers' cores at a suite's tail (`RunOptions.tailCores`) changes no result.
@Suite struct TailCoresTests {
  /// One random-search trial and one WeakNAS trial on two workers. Random search ends within
  /// milliseconds, so the WeakNAS trial runs alone for almost all of its time, with its products
  /// split over both cores: its 1000-wide MLP's gradient products and the predictions over the
  /// domain are large enough to split. (Three equal WeakNAS trials left a tail only if the
  /// scheduler let the second end before the third; under a loaded test run it once did not.)
  static let suite = """
    name: tail-cores
    seed: 5
    trials: 1
    budget: { queries: 40 }
    tasks: [nb201-cifar10]
    methods:
      - method: random-search
      - method: weaknas
        settings: { hiddenSizes: [1000, 1000], epochs: 20 }
    """

  static var backendChoices: [BackendChoice] {
    OpenBLASBackend.shared == nil ? [.portable] : [.portable, .openBLAS]
  }

  @Test(arguments: backendChoices)
  func lendingTheIdleCoreLeavesTheLogUnchanged(choice: BackendChoice) async throws {
    let source = try CatalogTaskSource()
    let suite = try SuiteLoader(taskNames: source.taskNames).load(yaml: Self.suite, file: "tail-cores.yaml")
    let backend = try Backends.select(choice, environment: nil)
    var logs: [Bool: [String]] = [:]
    var shared: [Bool: Int] = [:]
    for tailCores in [true, false] {
      let folder = Fixtures.temporaryFolder("tail-cores-\(tailCores)")
      var options = RunOptions(workers: 2, numericBackend: backend.description)
      options.tailCores = tailCores
      let summary = try await Backends.$current.withValue(backend) {
        try await SuiteRunner.start(suite, source: source, folder: folder, options: options)
      }
      #expect(summary.failures.isEmpty)
      logs[tailCores] = try Fixtures.canonicalLog(folder)
      shared[tailCores] = summary.productsOnSpareCores
      let manifest = try folder.readManifest()
      #expect(manifest.tailCores == tailCores)
      #expect(manifest.productsOnSpareCores == summary.productsOnSpareCores)
    }
    #expect(logs[true] == logs[false], "\(backend)")
    #expect((shared[true] ?? 0) > 0, "the tail's products used the idle core")
    #expect(shared[false] == 0)
  }
}
