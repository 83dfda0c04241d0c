import ArgumentParser
import Foundation
import Harness

/// The `--cache` option of the commands that may pretrain, and the messages pretraining prints.
struct CacheOption: ParsableArguments {
  @Option(
    name: .customLong("cache"),
    help: ArgumentHelp(
      "Folder of the label-free pretraining cache (default: $NASARENA_CACHE, else $XDG_CACHE_HOME/nasarena, else ~/.cache/nasarena).",
      valueName: "dir"))
  var directory: String?

  /// The cache the command uses.
  var cache: PretrainingCache { PretrainingCache(directory: directory ?? PretrainingCache.defaultDirectory()) }

  /// Prints pretraining messages on standard error: warnings always, progress unless `quiet`.
  static func logger(quiet: Bool) -> @Sendable (String) -> Void {
    { line in
      guard !quiet || line.hasPrefix("warning") else { return }
      FileHandle.standardError.write(Data("nasarena: \(line)\n".utf8))
    }
  }
}
