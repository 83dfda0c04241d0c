import Foundation
import Results

/// Joins the folders of the shards of one suite into one run folder.
///
/// The shards must come from the same resolved suite (same suite hash) and the same data (same
/// checksums), cover every shard number once, and be finished. The merged log holds every line
/// in canonical order, so it equals the canonical log of the unsharded run.
public enum RunMerger {
  /// Merges `shards` into `output`, taking its write lock (and creating it) first.
  ///
  /// - Throws: `ResultStoreError.locked` when another process writes `output`; as
  ///   `merge(_:into:)` with a lock.
  public static func merge(_ shards: [RunFolder], into output: RunFolder) throws {
    try merge(shards, into: try RunFolderLock.acquire(output, command: "nasarena merge", creating: true))
  }

  /// Merges `shards` into the locked output folder; every shard's log is verified as it is
  /// read.
  ///
  /// - Throws: `RunError.mergeMismatch` naming the folder that does not fit and why; the
  ///   errors of `RunLog.read` for a shard log that is corrupt or inconsistent.
  public static func merge(_ shards: [RunFolder], into lock: RunFolderLock) throws {
    let output = lock.folder
    guard let first = shards.first else { throw RunError.mergeMismatch(path: output.path, reason: "no shard folders given") }
    let manifests = try shards.map { try $0.readManifest() }
    let reference = manifests[0]
    var seen: [Int: String] = [:]
    var shardCount: Int?
    for (folder, manifest) in zip(shards, manifests) {
      guard manifest.suiteHash == reference.suiteHash else {
        throw RunError.mergeMismatch(
          path: folder.path, reason: "its suite (hash \(manifest.suiteHash)) differs from \(first.path)'s (hash \(reference.suiteHash))")
      }
      guard manifest.dataChecksums == reference.dataChecksums else {
        throw RunError.mergeMismatch(path: folder.path, reason: "it was run on other data files than \(first.path)")
      }
      guard let text = manifest.shard, let shard = try? Shard(parsing: text) else {
        throw RunError.mergeMismatch(path: folder.path, reason: "it is not a shard (run with --shard i/N)")
      }
      if let count = shardCount, count != shard.count {
        throw RunError.mergeMismatch(path: folder.path, reason: "it is shard \(shard) but others are of \(count)")
      }
      shardCount = shard.count
      if let other = seen[shard.index] { throw RunError.mergeMismatch(path: folder.path, reason: "shard \(shard) is also \(other)") }
      seen[shard.index] = folder.path
      guard manifest.ended != nil else {
        throw RunError.mergeMismatch(path: folder.path, reason: "the shard is unfinished; resume it with 'nasarena run --resume \(folder.path)'")
      }
    }
    if let count = shardCount, let missing = (0..<count).first(where: { seen[$0] == nil }) {
      throw RunError.mergeMismatch(path: output.path, reason: "shard \(missing)/\(count) is missing")
    }
    var entries: [LogEntry] = []
    for (folder, manifest) in zip(shards, manifests) { entries += try RunLog.read(path: folder.logFile, budget: manifest.budget) }
    if FileManager.default.fileExists(atPath: output.logFile) { throw RunError.folderNotEmpty(path: output.path) }
    for (source, destination) in [(first.suiteFile, output.suiteFile), (first.tasksFile, output.tasksFile)] {
      do {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
      } catch {
        throw ResultStoreError.writeFailed(path: destination, reason: error.localizedDescription)
      }
    }
    var manifest = reference
    manifest.shard = nil
    manifest.started = manifests.map(\.started).min() ?? reference.started
    manifest.ended = manifests.compactMap(\.ended).max()
    manifest.workers = manifests.map(\.workers).reduce(0, +)
    let tailCores = manifests.compactMap(\.tailCores)
    manifest.tailCores = tailCores.isEmpty ? nil : tailCores.contains(true)
    let lent = manifests.compactMap(\.productsOnSpareCores)
    manifest.productsOnSpareCores = lent.isEmpty ? nil : lent.reduce(0, +)
    let pretraining = manifests.flatMap { $0.pretraining ?? [] }
    manifest.pretraining = pretraining.isEmpty ? nil : pretraining
    try output.writeJSON(manifest, to: output.manifestFile)
    let writer = try LogFileWriter(path: output.logFile)
    try writer.write(RunLog.canonical(entries))
  }
}
