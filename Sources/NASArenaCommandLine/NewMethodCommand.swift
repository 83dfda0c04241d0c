import ArgumentParser
import Foundation
import Harness

/// `nasarena new-method NAME`: write a new method's folder, its test file and registration.
struct NewMethodCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new-method",
    abstract: "Write a new method (a working greedy-mutation template), its settings, its test and its registration line.",
    discussion: """
      Run from the repository root. Example:
        nasarena new-method my-method
        swift test --filter MyMethod
      """)

  @Argument(help: "Kebab-case method name, e.g. my-method.")
  var name: String

  func run() async throws {
    try await reportingErrors {
      let template: MethodTemplate
      do {
        template = try MethodTemplate(name: name)
        for file in template.files where FileManager.default.fileExists(atPath: file.path) { throw MethodTemplateError.exists(path: file.path) }
      } catch let error as MethodTemplateError {
        throw ValidationError(error.description)
      }
      let files = FileManager.default
      for file in template.files {
        try files.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try file.contents.write(toFile: file.path, atomically: true, encoding: .utf8)
        print("wrote \(file.path)")
      }
      let registry = "Sources/SearchMethods/MethodRegistry.swift"
      if let text = try? String(contentsOfFile: registry, encoding: .utf8), let updated = template.registering(in: text) {
        try updated.write(toFile: registry, atomically: true, encoding: .utf8)
        print("registered \(template.registration) in \(registry)")
      } else {
        print("add \(template.registration) to MethodRegistry.builtIn in \(registry)")
      }
    }
  }
}
