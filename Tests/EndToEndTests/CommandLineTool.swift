import Foundation

/// Runs the built `nasarena` executable as a separate process, for end-to-end tests.
struct CommandLineTool {
  /// The executable beside the test bundle (SwiftPM builds both into one folder).
  static var executable: String? {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("nasarena").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// The repository root (where `data/` and `configs/` are), from this source file's path.
  static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  }

  struct Output {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  /// Starts the tool with `arguments` in the repository root; `environment` adds to (or
  /// overrides) this process's environment.
  static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
    guard let executable else { throw ToolMissing() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
  }

  /// Runs the tool to completion.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    let (process, out, err) = try start(arguments, environment: environment)
    return finish(process, out, err)
  }

  /// Waits for a started tool and collects its output.
  static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Output {
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
      standardError: String(decoding: stderr, as: UTF8.self))
  }

  struct ToolMissing: Error, CustomStringConvertible {
    var description: String { "the nasarena executable was not found beside the test bundle; build it with 'swift build'" }
  }
}
