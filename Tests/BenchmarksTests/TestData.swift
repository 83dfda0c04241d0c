import Benchmarks
import Foundation

/// The repository's data folder, shared by the tests (tables are cached per process).
enum TestData {
  static func directory() throws -> DataDirectory { try DataDirectory.locate() }
  static func catalog() throws -> TaskCatalog { TaskCatalog(data: try directory()) }
}

/// Mean of finite values.
func finiteMean(_ values: [Double]) -> Double {
  let finite = values.filter(\.isFinite)
  return finite.reduce(0, +) / Double(finite.count)
}

/// Whether `a` and `b` agree to `tolerance`.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 5e-4) -> Bool { abs(a - b) <= tolerance }

/// An independent reader for the tests: decompresses a data file with the system `gzip`
/// and splits it with a simple quote-aware splitter (header included).
func readRows(_ relativePath: String) throws -> [[String]] {
  let path = try TestData.directory().path + "/" + relativePath
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", "gzip -dc '\(path)'"]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  // Split byte by byte (the files are ASCII): character by character it took seconds.
  let bytes = [UInt8](data)
  let (newline, comma, quote) = (UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "\""))
  return bytes.split(separator: newline).map { line in
    var fields: [String] = []
    var current: [UInt8] = []
    var quoted = false
    for byte in line {
      if byte == quote {
        quoted.toggle()
      } else if byte == comma && !quoted {
        fields.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(byte)
      }
    }
    fields.append(String(decoding: current, as: UTF8.self))
    return fields
  }
}
