import Benchmarks
import Foundation
import SearchSpaces
import Testing

@Suite struct NASBench101ImportTests {
  static let poolFile = "nasbench101/nb101_search_space_all423624.csv.gz"
  static let tableFile = "nasbench101/nb101_full_108_mean3.csv.gz"

  /// A temporary data folder holding only the shipped pool (a symbolic link) and its line of
  /// `SHA256SUMS`; one per process, so the pool is loaded once.
  static let folder: String = {
    let folder = NSTemporaryDirectory() + "nasarena-nb101-import-\(UUID().uuidString)"
    do {
      let shipped = try TestData.directory()
      try FileManager.default.createDirectory(atPath: folder + "/nasbench101", withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: folder + "/" + poolFile, withDestinationPath: shipped.path + "/" + poolFile)
      let line = "\(try shipped.expectedChecksums()[poolFile] ?? "")  \(poolFile)\n"
      try line.write(toFile: folder + "/SHA256SUMS", atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot make the data folder: \(error)")
    }
    return folder
  }()

  static func data() throws -> DataDirectory { try DataDirectory(path: folder) }
  static func space() throws -> NASBench101Space { try NASBench101Space(data: data()) }

  /// Pool rows used: spread over the pool, plus the two-vertex cell (row 6,992).
  static let cells: [Int] = Array(stride(from: 17, to: 423_624, by: 3_500)) + [6_992]

  /// Three runs of each cell with values derived from its row; cell `swapped` (when given) is
  /// written in another vertex order.
  static func runs(_ space: NASBench101Space, swapping swapped: Int? = nil) -> [NASBench101ReleaseFile.Run] {
    cells.flatMap { index in
      let text =
        (index == swapped ? NASBench101ReleaseFile.swappedCellText(space, at: index) : nil) ?? NASBench101ReleaseFile.cellText(space, at: index)
      return (0..<3).map { run in
        let base = Double(index % 997) / 997
        return NASBench101ReleaseFile.Run(
          hash: space.key(at: index), adjacency: text.adjacency, operations: text.operations,
          validation: 0.80 + 0.15 * base + 0.004 * Double(run), test: 0.79 + 0.15 * base - 0.003 * Double(run),
          seconds: 900 + Double(index % 4_000) + 1.5 * Double(run), parameters: 200_000 + index)
      }
    }
  }

  static func file(_ runs: [NASBench101ReleaseFile.Run]) -> NASBench101ReleaseFile {
    var file = NASBench101ReleaseFile()
    for run in runs { file.append(run) }
    return file
  }

  /// Writes `bytes` as a release file and imports it into the shared folder.
  @discardableResult
  static func importFile(_ bytes: [UInt8], name: String = "nasbench_only108.tfrecord") throws -> NASBench101ImportSummary {
    let release = folder + "/release-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: release, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: release) }
    let path = release + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try NASBench101Importer.importRelease(at: path, into: data())
  }

  /// The message of the error importing `bytes` throws, or `nil` when it succeeds.
  static func importError(_ bytes: [UInt8]) -> String? {
    do {
      try importFile(bytes, name: "bad.tfrecord")
      return nil
    } catch {
      return "\(error)"
    }
  }
}

// MARK: - Importing a well-formed file

extension NASBench101ImportTests {
  @Test func theCRC32CCheckValueOfTheTestWriterIsTheStandardOne() {
    #expect(NASBench101ReleaseFile.crc32c(Array("123456789".utf8)) == 0xE306_9283)
  }

  @Test func importedTableHoldsTheMeansOfTheThreeRunsAndVerifies() throws {
    let space = try Self.space()
    // One cell is written in another vertex order: accepted through its module hash.
    let swappable = Self.cells.first { NASBench101ReleaseFile.swappedCellText(space, at: $0) != nil }
    let swappedCell = try #require(swappable)
    let differs = NASBench101ReleaseFile.swappedCellText(space, at: swappedCell).map { $0 != NASBench101ReleaseFile.cellText(space, at: swappedCell) }
    #expect(differs == true)
    let runs = Self.runs(space, swapping: swappedCell)
    let file = Self.file(runs)
    let summary = try Self.importFile(file.bytes)
    #expect(summary.records == 3 * Self.cells.count && summary.cells == Self.cells.count && summary.runsPerCell == 3)
    #expect(summary.poolSize == 423_624 && summary.bytesRead == file.bytes.count)
    #expect(summary.table == Self.folder + "/" + Self.tableFile)

    let rows = try readGzipRows(Self.folder + "/" + Self.tableFile)
    #expect(rows[0] == ["space_index", "hash", "mean_val_acc_108", "mean_test_acc_108", "mean_train_time_108_s", "params"])
    let sorted = Self.cells.sorted()
    #expect(rows.count == sorted.count + 1)
    for (row, index) in zip(rows.dropFirst(), sorted) {
      let three = runs.filter { $0.hash == space.key(at: index) }
      let mean = { (value: (NASBench101ReleaseFile.Run) -> Double) in three.map(value).reduce(0, +) / 3 }
      #expect(row[0] == String(index) && row[1] == space.key(at: index))
      #expect(abs(try #require(Double(row[2])) - 100 * mean(\.validation)) < 1e-9)
      #expect(abs(try #require(Double(row[3])) - 100 * mean(\.test)) < 1e-9)
      #expect(abs(try #require(Double(row[4])) - mean(\.seconds)) < 1e-9)
      #expect(row[5] == String(200_000 + index))
    }

    let listed = try String(contentsOfFile: Self.folder + "/nasbench101/IMPORTED.SHA256SUMS", encoding: .utf8)
    #expect(listed == "\(summary.tableSHA256)  nb101_full_108_mean3.csv.gz\n")
    let data = try Self.data()
    #expect(try data.expectedChecksums()[Self.tableFile] == summary.tableSHA256)
    #expect(try data.verifiedChecksum(of: Self.tableFile) == summary.tableSHA256)
    #expect(try String(contentsOfFile: Self.folder + "/SHA256SUMS", encoding: .utf8).split(separator: "\n").count == 1)

    let catalog = TaskCatalog(data: data)
    #expect(catalog.availableTaskNames.contains("nb101"))
    let task = try catalog.task(named: "nb101")
    #expect(task.domain.count == Self.cells.count && task.domain.space.poolSize == 423_624 && task.benchmark == "nas-bench-101")
    #expect(
      task.caveat
        == "imported NAS-Bench-101 table holds \(Self.cells.count) of 423624 cells (a partial release file); not comparable to full-table results")
    let best = try #require(sorted.max { a, b in (a % 997) < (b % 997) })
    #expect(task.signal.argmax == best && task.signal.name == "mean_val_acc_108" && task.report.name == "mean_test_acc_108")
    #expect(abs(task.signal.maximum - 100 * (0.80 + 0.15 * Double(best % 997) / 997 + 0.004)) < 1e-9)
    #expect(abs(task.report.maximum - 100 * (0.79 + 0.15 * Double(best % 997) / 997 - 0.003)) < 1e-9)
    #expect(try #require(task.cost).name == "mean_train_time_108_s" && task.signal[sorted[0] + 1].isNaN)
    let checksums = try catalog.dataChecksums(for: "nb101").map(\.file)
    #expect(checksums == [Self.poolFile, Self.tableFile])
  }

  @Test func aMissingTableNamesTheImportCommand() throws {
    let empty = NSTemporaryDirectory() + "nasarena-nb101-none-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    try "".write(toFile: empty + "/SHA256SUMS", atomically: true, encoding: .utf8)
    let catalog = TaskCatalog(data: try DataDirectory(path: empty))
    let error = BenchmarkError.notImported(
      file: Self.tableFile, path: empty + "/" + Self.tableFile, command: "nasarena data import-nb101 nasbench_only108.tfrecord")
    #expect(throws: error) { try catalog.task(named: "nb101") }
    #expect(throws: error) { try catalog.dataChecksums(for: "nb101") }
    #expect(!catalog.availableTaskNames.contains("nb101") && catalog.availableTaskNames.contains("nb101-30k"))
    #expect(
      error.description
        == "nasbench101/nb101_full_108_mean3.csv.gz: not imported, no file at '\(empty)/nasbench101/nb101_full_108_mean3.csv.gz'; build it from the official release file with 'nasarena data import-nb101 nasbench_only108.tfrecord'"
    )
  }
}

// MARK: - Refusing malformed files

extension NASBench101ImportTests {
  /// One way of spoiling a good file, and the message that must result.
  struct Defect: CustomTestStringConvertible, Sendable {
    let name: String
    let spoil: @Sendable (inout NASBench101ReleaseFile, [NASBench101ReleaseFile.Run]) -> Void
    let message: @Sendable (NASBench101ReleaseFile) -> String
    var testDescription: String { name }
  }

  static let defects: [Defect] = [
    Defect(
      name: "a flipped data byte",
      spoil: { file, _ in file.records[7][30] ^= 0x01 },
      message: { file in
        let data = Array(file.records[7][12..<(file.records[7].count - 4)])
        let crc = String(NASBench101ReleaseFile.masked(NASBench101ReleaseFile.crc32c(data)), radix: 16)
        let stored = file.records[7].suffix(4).reversed().map {
          String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
        }.joined()
        return
          "bad.tfrecord record 7 at byte \(file.offset(of: 7)): bad data CRC '0x\(stored)'; expected 0x\(String(repeating: "0", count: 8 - crc.count) + crc), the masked CRC-32C of the \(data.count) data bytes"
      }),
    Defect(
      name: "a flipped length byte",
      spoil: { file, _ in file.records[5][0] ^= 0x04 },
      message: { file in "bad.tfrecord record 5 at byte \(file.offset(of: 5)): bad length CRC '" }),
    Defect(
      name: "a truncated last record",
      spoil: { file, _ in file.records[file.records.count - 1].removeLast(3) },
      message: { file in "bad.tfrecord record \(file.records.count - 1) at byte \(file.offset(of: file.records.count - 1)): truncated record" }),
    Defect(
      name: "a hash not in the pool",
      spoil: { file, runs in
        var run = runs[0]
        run.hash = "ffffffffffffffffffffffffffffffff"
        file.records[0] = NASBench101ReleaseFile.frame(NASBench101ReleaseFile.json(run, metrics: NASBench101ReleaseFile.metrics(run)))
      },
      message: { _ in
        "bad.tfrecord record 0 at byte 13: module hash not in the pool 'ffffffffffffffffffffffffffffffff'; expected one of the 423624 hashes of nasbench101/nb101_search_space_all423624.csv.gz"
      }),
    Defect(
      name: "epochs other than 108",
      spoil: { file, runs in
        var run = runs[4]
        run.epochs = 36
        file.records[4] = NASBench101ReleaseFile.frame(NASBench101ReleaseFile.json(run, metrics: NASBench101ReleaseFile.metrics(run)))
      },
      message: { file in "bad.tfrecord record 4 at byte \(file.offset(of: 4) + 12 + 37): epochs not 108 '36'; expected 108 in every record" }),
    Defect(
      name: "a cell that is not the hash's",
      spoil: { file, runs in
        var run = runs[9]
        let operations = run.operations.split(separator: ",").map(String.init)
        let swapped = operations.enumerated().map {
          $0.offset == 0 || $0.offset == operations.count - 1 ? $0.element : ($0.element == "maxpool3x3" ? "conv3x3-bn-relu" : "maxpool3x3")
        }
        run.operations = swapped.joined(separator: ",")
        file.records[9] = NASBench101ReleaseFile.frame(NASBench101ReleaseFile.json(run, metrics: NASBench101ReleaseFile.metrics(run)))
      },
      message: { file in
        "bad.tfrecord record 9 at byte \(file.offset(of: 9) + 12 + 42): raw_adjacency and raw_operations disagree with the pool's cell for the hash '"
      }),
    Defect(
      name: "bad JSON",
      spoil: { file, _ in file.records[2] = NASBench101ReleaseFile.frame(Array("[\"abc\" 108]".utf8)) },
      message: { file in "bad.tfrecord record 2 at byte \(file.offset(of: 2) + 12 + 7): bad JSON '108]'; expected ',' after module_hash" }),
    Defect(
      name: "bad base64",
      spoil: { file, runs in
        var json = NASBench101ReleaseFile.json(runs[1], metrics: NASBench101ReleaseFile.metrics(runs[1]))
        json[json.count - 10] = UInt8(ascii: "*")
        file.records[1] = NASBench101ReleaseFile.frame(json)
      },
      message: { file in
        "bad.tfrecord record 1 at byte \(file.offset(of: 1) + file.records[1].count - 4 - 10): bad base64 in raw_metrics 'byte 42 outside the base64 alphabet'"
      }),
    Defect(
      name: "bad protobuf",
      spoil: { file, runs in
        let metrics = Array(NASBench101ReleaseFile.metrics(runs[3]).dropLast(5))
        file.records[3] = NASBench101ReleaseFile.frame(NASBench101ReleaseFile.json(runs[3], metrics: metrics))
      },
      message: { file in
        "bad.tfrecord record 3 at byte \(file.offset(of: 3) + 12 + metricsQuote(file, 3)): bad protobuf in raw_metrics 'truncated 8-byte value"
      }),
    Defect(
      name: "a hash with two runs",
      spoil: { file, _ in file.records.remove(at: 10) },
      message: { file in "bad.tfrecord record 10 at byte \(file.offset(of: 10)): wrong number of runs for a module hash '" }),
    Defect(
      name: "a hash with four runs",
      spoil: { file, _ in file.records.insert(file.records[0], at: 3) },
      message: { file in "bad.tfrecord record 3 at byte \(file.offset(of: 3)): wrong number of runs for a module hash '" }),
  ]

  /// The offset, within the JSON of record `index`, of the quote opening raw_metrics.
  static func metricsQuote(_ file: NASBench101ReleaseFile, _ index: Int) -> Int {
    let json = Array(file.records[index][12..<(file.records[index].count - 4)])
    return (0..<(json.count - 2)).last { json[$0] == UInt8(ascii: ",") && json[$0 + 2] == UInt8(ascii: "\"") }.map { $0 + 2 } ?? -1
  }

  @Test(arguments: defects)
  func aDefectIsRefusedNamingTheRecordAndOffset(_ defect: Defect) throws {
    let space = try Self.space()
    let runs = Self.runs(space)
    var file = Self.file(runs)
    defect.spoil(&file, runs)
    let message = try #require(Self.importError(file.bytes), "\(defect.name) was accepted")
    #expect(message.hasPrefix(defect.message(file)), "\(message)")
  }
}

/// The rows of a gzip CSV file, read with the system `gzip` and a quote-aware splitter.
func readGzipRows(_ path: String) throws -> [[String]] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", "gzip -dc '\(path)'"]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return text.split(separator: "\n").map { line in
    line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
  }
}
