import Benchmarks
import Foundation
import Testing

@Suite struct DataDirectoryTests {
  static let file = "transnas_bench_101/tnb101_micro_valid.csv.gz"

  /// A fresh temporary data folder holding `SHA256SUMS` with `lines`.
  private func makeFolder(_ lines: [String]) throws -> String {
    let folder = NSTemporaryDirectory() + "nasarena-data-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder + "/transnas_bench_101", withIntermediateDirectories: true)
    try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/SHA256SUMS", atomically: true, encoding: .utf8)
    return folder
  }

  private func realChecksum() throws -> String {
    try #require(TestData.directory().expectedChecksums()[Self.file])
  }

  @Test func missingFileIsNamed() throws {
    let folder = try makeFolder(["\(try realChecksum())  \(Self.file)"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: BenchmarkError.missingFile(file: Self.file, path: folder + "/" + Self.file)) {
      try TaskCatalog(data: DataDirectory(path: folder)).task(named: "transnas-micro-jigsaw")
    }
  }

  @Test func corruptFileReportsBothChecksums() throws {
    let expected = try realChecksum()
    let folder = try makeFolder(["\(expected)  \(Self.file)"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestData.directory().path + "/" + Self.file)))
    bytes[bytes.count / 2] ^= 0x5a
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + Self.file))
    let actual = SHA256.hexDigest(of: bytes)
    let error = BenchmarkError.checksumMismatch(file: Self.file, expected: expected, actual: actual)
    #expect(throws: error) { try TaskCatalog(data: DataDirectory(path: folder)).task(named: "transnas-micro-jigsaw") }
    #expect(error.description.contains(expected) && error.description.contains(actual) && error.description.hasPrefix(Self.file))
  }

  @Test func malformedValueNamesLineAndColumn() throws {
    let source = try TestData.directory().path + "/" + Self.file
    let folder = try makeFolder([])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/" + Self.file
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", "gzip -dc '\(source)' | sed '12s/^\\([^,]*,[^,]*,[^,]*\\),[^,]*,/\\1,9x1,/' | gzip -c > '\(target)'"]
    try shell.run()
    shell.waitUntilExit()
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
    try "\(SHA256.hexDigest(of: bytes))  \(Self.file)\n".write(toFile: folder + "/SHA256SUMS", atomically: true, encoding: .utf8)
    #expect(
      throws: BenchmarkError.malformedCSV(
        file: Self.file, line: 12, column: "class_scene_valid_top1", value: "9x1", expected: "a decimal number")
    ) { try TaskCatalog(data: DataDirectory(path: folder)).task(named: "transnas-micro-jigsaw") }
  }

  @Test func unlistedFileAndMissingListAreErrors() throws {
    let folder = try makeFolder(["\(String(repeating: "0", count: 64))  other/file.csv.gz"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: BenchmarkError.unlistedFile(file: Self.file, checksumFile: folder + "/SHA256SUMS")) {
      try TaskCatalog(data: DataDirectory(path: folder)).task(named: "transnas-micro-jigsaw")
    }
    #expect(throws: BenchmarkError.dataDirectoryInvalid(path: folder + "/nowhere")) {
      try DataDirectory(path: folder + "/nowhere")
    }
  }

  @Test func unknownTaskListsTheValidNames() throws {
    let error = BenchmarkError.unknownTask(name: "nb201-cifar", known: TaskCatalog.taskNames)
    #expect(throws: error) { try TestData.catalog().task(named: "nb201-cifar") }
    #expect(error.description.hasPrefix("task: unknown task 'nb201-cifar'; known: nb201-cifar10, nb201-cifar100"))
  }

  @Test func everyListedFileVerifies() throws {
    let data = try TestData.directory()
    let listed = try data.expectedChecksums()
    #expect(listed.count >= 7)
    for name in try TestData.catalog().availableTaskNames {
      for checksum in try TestData.catalog().dataChecksums(for: name) {
        #expect(listed[checksum.file] == checksum.sha256)
      }
    }
  }
}
