import Foundation
import SearchMethods

/// The methods the command line offers: NASArena's built-in ones, plus those an outside
/// package adds through `NASArena.main(methods:)`. Set once, before any command runs.
enum MethodCatalog {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var entries = MethodRegistry.builtIn

  /// The methods suites may name, in the order `nasarena methods` lists them.
  static var methods: [MethodEntry] {
    get { lock.withLock { entries } }
    set { lock.withLock { entries = newValue } }
  }
}
