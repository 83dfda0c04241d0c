import Benchmarks
import ExternalMethods
import Foundation
import SearchMethods
import TestSupport
import Testing

/// Laws every registered method's settings obey, with nothing listed per method: the keys of
/// help, decoding and encoding agree, values round-trip, and each setting changes the
/// trajectory on the tiny task unless its declaration says why not.
@Suite struct SettingsLawTests {
  static let names = MethodRegistry.builtIn.map(\.name)
  /// A tiny task whose space has both encodings, so encoding settings can matter.
  // swift-format-ignore: NeverUseForceTry
  // Shared test data: without it no test of this suite can run, so failing here is the right report.
  static let task = try! TinyTaskSource(positions: 4, operations: 4, pathEncoding: true).task(named: "tiny")

  static func entry(_ name: String) throws -> MethodEntry {
    try #require(MethodRegistry.builtIn.first { $0.name == name })
  }

  /// The settings as a JSON object (what the resolved suite holds).
  static func encoded(_ settings: any MethodSettings) throws -> [String: Any] {
    let data = try JSONEncoder().encode(EncodableSettings(settings))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func json(_ settings: any MethodSettings) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(EncodableSettings(settings)), as: UTF8.self)
  }
}

// MARK: - Keys

extension SettingsLawTests {
  @Test(arguments: names)
  func helpKeysEqualDecodedKeysEqualEncodedKeys(_ name: String) throws {
    let entry = try Self.entry(name)
    let helpKeys = entry.help.map(\.key)
    #expect(Set(helpKeys).count == helpKeys.count, "a key is declared twice")
    #expect(Set(try Self.encoded(entry.defaults).keys) == Set(helpKeys))
    #expect(entry.settingVariations.map(\.key) == helpKeys)
    // Every help key decodes on its own (with its default value), and nothing else does.
    let defaults = try Self.encoded(entry.defaults)
    for key in helpKeys {
      let one = try JSONSerialization.data(withJSONObject: [key: try #require(defaults[key])])
      _ = try entry.settings(json: String(decoding: one, as: UTF8.self))
    }
    #expect(throws: MethodSettingsError.unknownKey(key: "notASetting", allowed: helpKeys, path: ["notASetting"])) {
      try entry.settings(json: #"{"notASetting": 1}"#)
    }
    for help in entry.help {
      #expect(!help.meaning.isEmpty && !help.allowed.isEmpty && !help.defaultValue.isEmpty, "\(name).\(help.key)")
    }
  }

  @Test(arguments: names)
  func encodedSettingsDecodeToTheSameSettings(_ name: String) throws {
    let entry = try Self.entry(name)
    for settings in [entry.defaults, entry.quickSettings] {
      let text = try Self.json(settings)
      #expect(try Self.json(entry.settings(json: text)) == text)
    }
    for variation in entry.settingVariations {
      let varied = try variation.varied(entry.quickSettings)
      let text = try Self.json(varied)
      #expect(try Self.json(entry.settings(json: text)) == text, "\(name).\(variation.key)")
      #expect(text != (try Self.json(entry.quickSettings)), "\(name).\(variation.key): the probe equals the quick value")
    }
  }
}

// MARK: - Each setting matters

extension SettingsLawTests {
  @Test(arguments: names)
  func everySettingChangesTheTrajectoryOrSaysWhyNot(_ name: String) throws {
    let entry = try Self.entry(name)
    let base = try MethodDriver(task: Self.task, entry: entry, settings: entry.quickSettings).run(seed: 3, budget: 60).queried
    for variation in entry.settingVariations {
      let varied = try variation.varied(entry.quickSettings)
      let queried = try MethodDriver(task: Self.task, entry: entry, settings: varied).run(seed: 3, budget: 60).queried
      if let reason = variation.sameTrajectory {
        #expect(queried == base, "\(name).\(variation.key) is declared not to change the trajectory (\(reason)), but does")
      } else {
        #expect(queried != base, "\(name).\(variation.key) did not change the trajectory on the tiny task")
      }
    }
  }

  @Test(arguments: names)
  func outOfRangeAndNonFiniteValuesAreRefused(_ name: String) throws {
    let entry = try Self.entry(name)
    for help in entry.help {
      for bad in ["-5", "100000000000", "\"zigzag\"", "[[1]]"] {
        #expect(throws: MethodSettingsError.self, "\(name).\(help.key): \(bad)") {
          try entry.settings(json: "{\"\(help.key)\": \(bad)}")
        }
      }
    }
  }
}

// MARK: - Documentation

extension SettingsLawTests {
  /// Every section of the committed reference equals what the declarations write, and every
  /// registered method has its section (nothing stale, nothing missing).
  @Test func theSettingsReferenceIsWrittenFromTheDeclarations() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/SETTINGS.md")
    let committed = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n## ")
    let documented = MethodRegistry.builtIn + [ExternalMethod.documentationEntry]
    let written = SettingsDocument.markdown(for: documented).components(separatedBy: "\n## ")
    #expect(committed.first == written.first)
    for section in committed.dropFirst() {
      let title = section.prefix { $0 != "\n" }
      #expect(written.contains(section), "section \(title) differs; run: nasarena methods --markdown > docs/SETTINGS.md")
    }
    #expect(committed.count == written.count, "docs/SETTINGS.md lacks a method; run: nasarena methods --markdown > docs/SETTINGS.md")
  }
}
