import Foundation
import Harness
import Randomness
import Results
import SearchMethods
import TestSupport
import Testing

/// Seeded fuzzing of the shipped suites (issue 8, "tests that attack"): every mutation is
/// either refused with a located, bounded message, or accepted and then runs a tiny budget
/// without a failed trial. A crash would end the test process.
@Suite struct SuiteFuzzTests {
  /// The shipped suites, by file name.
  static let shipped: [(name: String, text: String)] = {
    let configs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("configs")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: configs.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { file in
      (try? String(contentsOf: configs.appendingPathComponent(file), encoding: .utf8)).map { (file, $0) }
    }
  }()

  static let loader = SuiteLoader(taskNames: CatalogTaskSource.knownTaskNames)

  /// What the fuzzing found.
  struct Tally: CustomStringConvertible {
    var cases = 0
    var rejected = 0
    var located = 0
    var accepted = 0
    var ran = 0
    var problems: [String] = []
    var description: String {
      "\(cases) cases: \(rejected) rejected (\(located) with file:line:column and a key or excerpt), \(accepted) accepted, \(ran) ran cleanly, 0 crashes"
    }
  }
}

// MARK: - Mutations

extension SuiteFuzzTests {
  /// Values that are wrong in some way for most keys (and right for a few).
  static let values = [
    "-1", "0", "1", "2", "0.5", "1000000000000", "99999999999999999999999", "1e308", ".inf", "-.inf", ".nan", "abc",
    "''", "null", "~", "[]", "{}", "[1, -2]", "{ a: 1 }", "true", "'12'", "*undefined", "!!binary aGk=",
    String(repeating: "[", count: 80) + String(repeating: "]", count: 80), "\"\\u0000\"", "0x10", "1_000", "-.5",
  ]

  /// One mutation of `text`, chosen by `rng`, with a description.
  static func mutate(_ text: String, using rng: inout SeededGenerator) -> (String, String) {
    // Split and screened without Foundation's string calls, which made the mutations of the
    // 34,000-line suites a third of the test's time. (The shipped suites have no "\r\n", the
    // one place a split on characters differs from one on "\n" code units.)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let keyLines = lines.indices.filter { index in
      let scalars = lines[index].unicodeScalars
      return scalars.first { !CharacterSet.whitespaces.contains($0) } != "#" && scalars.contains(":")
    }
    let index = keyLines.isEmpty ? 0 : keyLines[rng.nextInt(below: keyLines.count)]
    let line = lines[index]
    let indentation = String(line.prefix { $0 == " " }) + (line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") ? "  " : "")
    switch rng.nextInt(below: 16) {
    case 0, 1, 2, 3:
      // A value replaced: the value after the line's first key, or one inside a flow mapping.
      let value = values[rng.nextInt(below: values.count)]
      let pairs = line.matches(of: /([A-Za-z]+): ([^,{}\[\]]+|\[[^\]]*\])/)
      if let pair = pairs.isEmpty ? nil : pairs[rng.nextInt(below: pairs.count)] {
        lines[index] = line.replacingCharacters(in: pair.range, with: "\(pair.output.1): \(value)")
        return (lines.joined(separator: "\n"), "line \(index + 1): \(pair.output.1) = \(value)")
      }
      return (text + "\nseed: \(value)\n", "seed = \(value)")
    case 4:
      lines.insert(indentation + "unknownKey\(rng.nextInt(below: 100)): 1", at: index + 1)
      return (lines.joined(separator: "\n"), "unknown key after line \(index + 1)")
    case 5:
      if let brace = line.lastIndex(of: "}") {
        lines[index] = line.replacingCharacters(in: brace..<line.index(after: brace), with: ", bogus: 1 }")
        return (lines.joined(separator: "\n"), "unknown key in the flow mapping of line \(index + 1)")
      }
      lines.insert(line, at: index)
      return (lines.joined(separator: "\n"), "line \(index + 1) duplicated")
    case 6:
      lines.insert(line, at: index)
      return (lines.joined(separator: "\n"), "line \(index + 1) duplicated")
    case 7:
      lines.remove(at: index)
      return (lines.joined(separator: "\n"), "line \(index + 1) deleted")
    case 8:
      let bytes = ["\u{0}", "\u{1}", "\u{7F}", "\u{1B}", "\u{FFFF}", "\t"]
      var scalars = Array(text.unicodeScalars)
      scalars.insert(contentsOf: bytes[rng.nextInt(below: bytes.count)].unicodeScalars, at: rng.nextInt(below: scalars.count + 1))
      return (String(String.UnicodeScalarView(scalars)), "a control character inserted")
    case 9:
      return (text + "\n---\nname: second\n", "a second document")
    case 10:
      var bomb = "\nbomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
      for level in 1..<9 { bomb += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
      return (bomb + text, "an alias bomb")
    case 11:
      var nested = indentation + "deep:\n"
      for depth in 1...(60 + rng.nextInt(below: 20)) { nested += indentation + String(repeating: "  ", count: depth) + "k:\n" }
      lines.insert(nested + indentation + String(repeating: "  ", count: 81) + "v", at: index + 1)
      return (lines.joined(separator: "\n"), "deep block nesting after line \(index + 1)")
    case 12:
      let cut = text.index(text.startIndex, offsetBy: rng.nextInt(below: text.count + 1))
      return (String(text[..<cut]), "truncated")
    case 13:
      lines[index] = "\t" + line
      return (lines.joined(separator: "\n"), "a tab before line \(index + 1)")
    case 14:
      let other = keyLines.isEmpty ? index : keyLines[rng.nextInt(below: keyLines.count)]
      lines.swapAt(index, other)
      return (lines.joined(separator: "\n"), "lines \(index + 1) and \(other + 1) swapped")
    default:
      if rng.nextInt(below: 8) == 0 {
        return (text + "\n" + String(repeating: "# padding to make the suite huge\n", count: 34_000), "a huge suite")
      }
      let key = ["settings: { }", "label: ''", "label: x", "workers: 3", "duplicates: counted", "matmul: portable", "seed: 18446744073709551615"]
      lines.insert(indentation + key[rng.nextInt(below: key.count)], at: index + 1)
      return (lines.joined(separator: "\n"), "a plausible key after line \(index + 1)")
    }
  }
}

// MARK: - The fuzz run

extension SuiteFuzzTests {
  @Test func mutatedShippedSuitesAreRefusedWithALocationOrRunCleanly() async throws {
    #expect(Self.shipped.count >= 10, "the shipped suites were not found")
    var rng = SeededGenerator(seed: 20_261_201)
    var tally = Tally()
    let source = TinyTaskSource(pathEncoding: true)
    // 40 rounds over the 25 shipped suites: 1,000 cases. (60 rounds made this the
    // longest test of the suite, about 19 minutes on 2 cores, as the shipped suites grew.)
    for round in 0..<40 {
      for (file, text) in Self.shipped {
        var mutated = text
        var what: [String] = []
        for _ in 0..<(1 + rng.nextInt(below: 2)) {
          let (next, description) = Self.mutate(mutated, using: &rng)
          mutated = next
          what.append(description)
        }
        tally.cases += 1
        let label = "\(file) round \(round): \(what.joined(separator: "; "))"
        do {
          let suite = try Self.loader.load(yaml: mutated, file: "fuzz.yaml")
          tally.accepted += 1
          if try await Self.runsCleanly(suite, source: source) { tally.ran += 1 } else { tally.problems.append("failed trials: \(label)") }
        } catch let error as SuiteError {
          tally.rejected += 1
          if Self.isLocated(error) { tally.located += 1 } else { tally.problems.append("not located: \(label): \(error)") }
        } catch {
          tally.problems.append("not a suite error: \(label): \(error)")
        }
      }
    }
    print("suite fuzz: \(tally)")
    #expect(tally.cases >= 500)
    #expect(tally.problems.isEmpty, "\(tally.problems.prefix(10).joined(separator: "\n"))")
    #expect(tally.rejected > 300 && tally.accepted >= 10, "\(tally)")
  }

  @Test func badBytesInAFileAreRefusedAtTheirLine() throws {
    let folder = NSTemporaryDirectory() + "nasarena-fuzz-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var rng = SeededGenerator(seed: 5)
    for (file, text) in Self.shipped {
      var bytes = Array(text.utf8)
      let position = rng.nextInt(below: bytes.count)
      bytes.insert([0xFF, 0xC3, 0x80][rng.nextInt(below: 2)], at: position)
      let path = folder + "/" + file
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let line = 1 + bytes[..<position].filter { $0 == 0x0A }.count
      #expect(throws: SuiteError.self) { try Self.loader.load(path: path) }
      do {
        _ = try Self.loader.load(path: path)
      } catch {
        #expect("\(error)".hasPrefix("\(path):\(line):"), "\(error)")
        #expect("\(error)".contains("not UTF-8"))
      }
    }
  }

  /// A rejection names line and column, is short, and names a key (or quotes the line).
  static func isLocated(_ error: SuiteError) -> Bool {
    let text = error.description
    guard text.count < 600 else { return false }
    switch error {
    case .syntax(_, let line, let column, _):
      return line >= 1 && column >= 1
    case .invalid(_, let line, let column, let path, let message):
      let topLevel =
        message.hasPrefix("expected a mapping at the top level") || message.hasPrefix("empty suite") || message.hasPrefix("missing key")
        || message.contains("is used twice")
      return line >= 1 && column >= 1 && (!path.isEmpty || topLevel)
    case .unreadable:
      return false
    }
  }

  /// Runs `suite` shrunk to one trial of at most 12 queries on the tiny task. Plugins
  /// (`method: external`) are left out: a mutated command rightly fails its trials, which
  /// `PluginTests` checks; here only their parsing is fuzzed.
  static func runsCleanly(_ suite: Suite, source: TinyTaskSource) async throws -> Bool {
    var tiny = suite
    tiny.methods = suite.methods.filter { $0.launch == nil }
    tiny.reproduction = nil
    guard !tiny.methods.isEmpty else { return true }
    tiny.tasks = ["tiny"]
    tiny.trials = 1
    switch suite.budget {
    case .queries(let count): tiny.budget = .queries(min(count, 12))
    case .seconds: tiny.budget = .seconds(150)
    }
    tiny.report.checkpoints = [1]
    let folder = Fixtures.temporaryFolder("fuzz")
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    let summary = try await SuiteRunner.start(tiny, source: source, folder: folder, options: RunOptions(workers: 1))
    return summary.failures.isEmpty
  }
}
