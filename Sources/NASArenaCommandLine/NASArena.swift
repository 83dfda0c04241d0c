import SearchMethods

/// The whole `nasarena` command line, as a library: NASArena's own executable calls it with the
/// built-in methods, and an outside package calls it with its own methods added.
///
/// ```swift
/// @main enum MyArena {
///   static func main() async { await NASArena.main(methods: MethodRegistry.builtIn + [MethodEntry(MyMethod.self)]) }
/// }
/// ```
public enum NASArena {
  /// Parses the process's arguments and runs the command, with `methods` as the methods suites
  /// may name; exits the process with the command's exit status.
  ///
  /// - Precondition: the method names are distinct.
  public static func main(methods: [MethodEntry] = MethodRegistry.builtIn) async {
    let names = methods.map(\.name)
    precondition(Set(names).count == names.count, "two methods share a name: \(names)")
    MethodCatalog.methods = methods
    await NASArenaCommand.main()
  }
}
