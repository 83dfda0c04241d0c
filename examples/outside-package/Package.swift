// swift-tools-version: 6.0
// An outside package that adds its own search method to NASArena and runs suites with it.
import PackageDescription

let package = Package(
  name: "MyArena",
  platforms: [.macOS(.v14)],
  dependencies: [
    // From a clone of NASArena: the repository root. Elsewhere:
    // .package(url: "https://github.com/<owner>/NASArena.git", branch: "main")
    .package(name: "NASArena", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "my-arena",
      dependencies: [
        .product(name: "NASArenaCommandLine", package: "NASArena"),
        .product(name: "SearchMethods", package: "NASArena"),
        .product(name: "SearchSpaces", package: "NASArena"),
        .product(name: "Randomness", package: "NASArena"),
      ],
      path: "Sources/MyArena")
  ]
)
