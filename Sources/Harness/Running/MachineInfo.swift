import Foundation

/// The version of this tool, written into every run manifest.
public enum NASArenaVersion {
  /// Semantic version of the harness and its log format.
  public static let current = "0.1.0"
}

/// Facts about the machine and checkout a run happens on, for the manifest.
enum MachineInfo {
  /// `Linux x86_64, <CPU model>, <n> cores`.
  static var description: String {
    var system = utsname()
    uname(&system)
    let machine = withUnsafeBytes(of: &system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let sysname = withUnsafeBytes(of: &system.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let cpu =
      (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("model name") }?
      .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(sysname) \(machine), \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
  }

  /// The compiler version this binary was built with.
  static var swiftVersion: String {
    #if swift(>=6.3)
      "6.3+"
    #elseif swift(>=6.2)
      "6.2"
    #elseif swift(>=6.1)
      "6.1"
    #else
      "6.0"
    #endif
  }

  /// The current UTC time in ISO 8601.
  static func timestamp() -> String {
    ISO8601DateFormatter().string(from: Date())
  }

  /// `git rev-parse HEAD` of the current directory, or `nil` outside a checkout.
  static func gitCommit() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }
}
