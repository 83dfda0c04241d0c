// swift-tools-version: 6.0
// NASArena: an honest, fast, reproducible arena for neural-architecture-search methods.
//
// Targets are layered; imports only point down this list (see docs/ARCHITECTURE.md):
//   nasarena -> NASArenaCommandLine (CLI) -> Harness -> ExternalMethods (plugins) -> SearchMethods
//     -> Models -> NeuralNetworks -> Tensor
//   Models, SearchMethods -> SearchSpaces (structure only: no table, no label)
//   Harness -> Benchmarks (tables, tasks: the labels) -> SearchSpaces
//   Workloads (the numerics timings of `nasarena perf`) -> Models
//   Analysis -> Results, Randomness (seeded bootstrap); Reports -> Analysis
//   SearchSpaces, Randomness and Checksums (CRC-32C of run logs and TFRecord frames) sit below everything.
import PackageDescription

// The numerics kernels need AVX2 and fused multiply-add; Swift's default x86-64 target has
// neither, which turns SIMD `addProduct` into a library call. Haswell (2013) is the baseline.
#if arch(x86_64)
  let numericsSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
  let numericsSettings: [SwiftSetting] = []
#endif

let package = Package(
  name: "NASArena",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "nasarena", targets: ["nasarena"]),
    // What an outside package needs to add its own methods (docs/PLUGINS.md).
    .library(name: "SearchSpaces", targets: ["SearchSpaces"]),
    .library(name: "Randomness", targets: ["Randomness"]),
    .library(name: "Models", targets: ["Models"]),
    .library(name: "SearchMethods", targets: ["SearchMethods"]),
    .library(name: "Harness", targets: ["Harness"]),
    .library(name: "NASArenaCommandLine", targets: ["NASArenaCommandLine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
  ],
  targets: [
    // MARK: - Foundations
    .target(name: "Randomness"),
    .target(name: "BinaryCoding"),
    // The `crc32` instruction of SSE 4.2 (in the Haswell baseline) for the log checksums.
    .target(name: "Checksums", swiftSettings: numericsSettings),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

    // MARK: - Numerics
    .target(name: "Tensor", dependencies: ["Randomness"], swiftSettings: numericsSettings),
    .target(name: "NeuralNetworks", dependencies: ["Tensor", "Randomness"], swiftSettings: numericsSettings),

    // MARK: - Benchmarks, methods, harness
    .target(name: "SearchSpaces", dependencies: ["Randomness"]),
    .target(name: "Benchmarks", dependencies: ["SearchSpaces", "CZlib", "Checksums"]),
    .target(name: "Models", dependencies: ["SearchSpaces", "NeuralNetworks", "Tensor", "Randomness"]),
    .target(name: "SearchMethods", dependencies: ["SearchSpaces", "Models", "Randomness"]),
    .target(name: "ExternalMethods", dependencies: ["SearchMethods", "SearchSpaces", "Randomness"]),
    .target(name: "Workloads", dependencies: ["Models", "NeuralNetworks", "SearchSpaces", "Tensor", "Randomness"]),
    .target(name: "Results", dependencies: ["Checksums"]),
    .target(
      name: "Harness",
      dependencies: [
        "SearchMethods", "ExternalMethods", "Results", "Benchmarks", "SearchSpaces", "Randomness", "Analysis", "BinaryCoding", "Tensor",
        .product(name: "Yams", package: "Yams"),
      ]),

    // MARK: - Analysis and reports
    .target(name: "Analysis", dependencies: ["Results", "Randomness"]),
    .target(name: "Reports", dependencies: ["Analysis", "Results"]),

    // MARK: - Command-line tool
    .target(
      name: "NASArenaCommandLine",
      dependencies: [
        "Harness", "ExternalMethods", "Analysis", "Reports", "Results", "SearchMethods", "Benchmarks", "SearchSpaces", "Workloads",
        "NeuralNetworks", "Tensor", "Randomness", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "nasarena", dependencies: ["NASArenaCommandLine"]),

    // MARK: - Tests
    .target(
      name: "TestSupport",
      dependencies: ["Benchmarks", "SearchSpaces", "SearchMethods", "Models", "Randomness", "Harness"]),
    .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
    .testTarget(name: "BinaryCodingTests", dependencies: ["BinaryCoding"]),
    .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
    .testTarget(name: "TensorTests", dependencies: ["Tensor", "Randomness"]),
    .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks", "Tensor", "Randomness"]),
    .testTarget(name: "SearchSpacesTests", dependencies: ["SearchSpaces", "Randomness"]),
    .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "SearchSpaces", "Randomness"]),
    .testTarget(name: "ModelsTests", dependencies: ["Models", "Analysis", "TestSupport", "Benchmarks", "SearchSpaces", "NeuralNetworks", "Tensor", "Randomness"]),
    .testTarget(name: "SearchMethodsTests", dependencies: ["SearchMethods", "ExternalMethods", "Models", "TestSupport", "Benchmarks", "SearchSpaces", "Harness", "Randomness"]),
    .testTarget(name: "WorkloadsTests", dependencies: ["Workloads", "NeuralNetworks", "Randomness", "SearchSpaces", "Tensor", "TestSupport"]),
    .testTarget(name: "ResultsTests", dependencies: ["Results", "Checksums", "Randomness"]),
    .testTarget(
      name: "HarnessTests",
      dependencies: [
        "Harness", "ExternalMethods", "TestSupport", "SearchMethods", "Benchmarks", "SearchSpaces", "Results", "Analysis", "Randomness",
        "Tensor",
      ],
      exclude: ["Plugins"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Results", "Randomness"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Analysis", "Results"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Harness", "Analysis", "Reports", "Results", "SearchMethods", "Randomness", "TestSupport"]),
  ]
)
