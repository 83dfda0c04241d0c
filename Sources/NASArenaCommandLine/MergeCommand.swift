import ArgumentParser
import Harness
import Results

/// `nasarena merge`: join the shard folders of one suite into one run folder.
struct MergeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join shard run folders (from 'run --shard i/N') into one run folder and report it.",
    discussion: """
      Example:
        nasarena merge results/nb201 results/nb201-shard0 results/nb201-shard1
      The shards must come from the same resolved suite and data; the merged log equals the
      one an unsharded run writes.
      """)

  @Argument(help: "The merged run folder to create.")
  var output: String

  @Argument(help: "The shard folders.")
  var shards: [String]

  func run() async throws {
    try await reportingErrors {
      let lock = try RunFolderLock.acquire(RunFolder(path: output), command: "nasarena merge", creating: true)
      try RunMerger.merge(shards.map(RunFolder.init(path:)), into: lock)
      let written = try ReportPipeline.write(lock: lock)
      print("merged \(shards.count) shards into \(output); wrote \(written.count) files")
    }
  }
}
