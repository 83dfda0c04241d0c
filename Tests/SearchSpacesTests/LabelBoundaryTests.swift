import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The first line of label hiding: the targets methods and models are built from cannot reach
/// `Benchmarks` (the tables and tasks), because their dependency lists do not name it; the
/// compiler then refuses any `import Benchmarks` there. This test keeps the lists that way.
/// (The reflection test in `ProtocolTests` is the second line.)
@Suite struct LabelBoundaryTests {
  /// The repository's `Package.swift`, found from this file's path.
  static func manifest() throws -> String {
    let root = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
    let path = "/" + root + "/Package.swift"
    guard let file = fopen(path, "r") else { throw ManifestMissing(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4_096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  struct ManifestMissing: Error { let path: String }

  /// The dependency list of `.target(name: "<name>", dependencies: [...])`.
  static func dependencies(of target: String, in manifest: String) throws -> [String] {
    let marker = ".target(name: \"\(target)\", dependencies: ["
    let start = try #require(manifest.firstRange(of: marker), "no one-line target \(target) in Package.swift")
    let rest = manifest[start.upperBound...]
    let end = try #require(rest.firstIndex(of: "]"))
    let names = rest[..<end].split(separator: ",")
    return names.map { name in String(name.filter { $0 != "\"" && $0 != " " }) }
  }

  @Test(arguments: ["SearchMethods", "ExternalMethods", "Models", "SearchSpaces"])
  func targetsMethodsSeeDoNotDependOnTheTables(_ target: String) throws {
    let dependencies = try Self.dependencies(of: target, in: Self.manifest())
    #expect(!dependencies.isEmpty)
    #expect(!dependencies.contains("Benchmarks"), "\(target) depends on \(dependencies)")
    #expect(!dependencies.contains("Harness") && !dependencies.contains("Results"))
    if target != "SearchSpaces" { #expect(dependencies.contains("SearchSpaces")) }
  }
}
